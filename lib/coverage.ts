// coverage: module under construction (filled in by the current change).
export {};
