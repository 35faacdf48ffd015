using Monitoring.Dashboards.Queries;

namespace Monitoring.Dashboards.Hosting;

/// <summary>
/// Loads the snapshot in service into the query layer's memory at start and whenever CURRENT moves on (checked
/// every few seconds), so no page view pays the one-off load (~1 s at national scale).
/// </summary>
public sealed class SnapshotWarmup(DashboardQueries queries, ILogger<SnapshotWarmup> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        string? warmed = null;
        string? refused = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var current = queries.Connections.Store.CurrentRunId();
                if (current is not null && current != warmed)
                {
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    queries.Warm();
                    warmed = current;
                    log.LogInformation("snapshot {RunId} loaded in {Ms:0} ms", current, clock.Elapsed.TotalMilliseconds);
                }
            }
            catch (OldSnapshotException e)
            {
                // Said once per snapshot: what the operator must run for the dashboards to serve data again.
                var current = queries.Connections.Store.CurrentRunId();
                if (current != refused) log.LogError("{Message}", e.Message);
                refused = current;
            }
            catch (NoSnapshotException) { }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Pages load what they need themselves; a failed warm-up only costs the first visitor time.
                log.LogWarning("snapshot warm-up failed: {Error}", e.Message);
            }
            try { await Task.Delay(Every, stoppingToken); } catch (OperationCanceledException) { break; }
        }
    }
}
