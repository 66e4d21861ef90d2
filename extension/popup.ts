// Placeholder entry: the error-code lookup popup is built by another change and will mount into #root.
export {};
