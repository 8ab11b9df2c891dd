package nprand

// global is the state behind np.random.seed, np.random.rand and the other
// module-level functions. Its zero value seeds itself from OS entropy on
// first use, as numpy's does at import.
var global RandomState

// Global returns the process-wide legacy state.
func Global() *RandomState { return &global }
