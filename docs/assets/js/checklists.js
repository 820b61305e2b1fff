// checklists: behaviour arrives with the feature.
