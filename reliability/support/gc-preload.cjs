// Preloaded into the BFF process of the load test only (with --expose-gc): collects garbage every
// second, so that the heap the test reads after the load is what is still referenced, not what V8
// has not yet bothered to free. The BFF itself is unchanged.
if (typeof global.gc === 'function') setInterval(() => global.gc(), 1000).unref();
