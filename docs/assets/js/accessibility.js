// Accessibility fixes to Material (quality feature).
