using Plugsmm.Orders.Benchmarks;

// dotnet run -c Release --project benchmarks/Plugsmm.Orders.Benchmarks -- [--orders 10000] [--rate 120] [--cycles 3]
//     [--placements 1000] [--latency-ms 50]        (or --serve-panel: the panel process the run starts)
// The usual entry point is benchmarks/run-orders.sh; see docs/performance.md.
return args switch
{
    ["--serve-panel"] => await PanelServer.ServeAsync(),
    _ => await OrdersBenchmark.RunAsync(args),
};
