// share: behaviour arrives with the feature.
