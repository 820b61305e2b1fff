// worksheets: behaviour arrives with the feature.
