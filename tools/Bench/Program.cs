// The benchmarks' command line: the verbs are listed in BenchCommandLine.cs.
return await Monitoring.Tools.Bench.BenchCommandLine.RunAsync(args);
