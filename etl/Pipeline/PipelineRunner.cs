namespace Monitoring.Etl.Pipeline;

/// <summary>Runs one export through read → validate → pseudonymize → lake → star schema → publish.</summary>
public static class PipelineRunner
{
    /// <summary>Never throws for bad input: the report's status says refused/failed with a clear message.</summary>
    public static Task<RunReport> RunAsync(PipelineOptions options, IProgress<PipelineProgress>? progress = null, CancellationToken ct = default)
        => throw new NotImplementedException("pipeline lands with issue 2");
}

public sealed record PipelineProgress(string Stage, string? File, long Rows, double Seconds);
