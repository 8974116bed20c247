using BenchmarkDotNet.Running;
using Plugsmm.Client.Benchmarks;

// dotnet run -c Release --project benchmarks/Plugsmm.Client.Benchmarks --
//     [--generate-bodies [FILE] | --generate-services [FILE] | --summarize … | --summarize-client … | --loopback … |
//      --serve-panel | BenchmarkDotNet options]
// The usual entry points are benchmarks/run-encoder.sh, benchmarks/run-client.sh and benchmarks/run-loopback.sh;
// see docs/performance.md.
return args switch
{
    ["--generate-bodies", .. var rest] => OrderBodyGenerator.WriteDataFile(rest.Length > 0 ? rest[0] : OrderBodyFile.Locate()),
    ["--generate-services", .. var rest] => ServiceCatalogue.WriteDataFile(rest.Length > 0 ? rest[0] : ServiceCatalogue.RelativePath),
    ["--summarize", .. var rest] => EncoderSummary.Run(rest),
    ["--summarize-client", .. var rest] => ClientSummary.Run(rest),
    ["--loopback", .. var rest] => await LoopbackBenchmark.RunAsync(rest),
    ["--serve-panel"] => await LoopbackPanelProcess.ServeAsync(),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(EncoderBenchmarks).Assembly).Run(args).ToList();
    // A benchmark that threw, failed to build or was refused by validation fails the run; a slow one does not.
    var failed = summaries.Count == 0 || summaries.Any(s =>
        s.HasCriticalValidationErrors || s.Reports.IsEmpty || s.Reports.Any(r => !r.Success || r.ResultStatistics is null));
    return failed ? 1 : 0;
}
