using Monitoring.DataDir.FollowUp;
using Monitoring.DataDir.Runs;
using Monitoring.Etl.Pipeline;

namespace Monitoring.Etl.Episodes;

/// <summary>
/// After a snapshot is published, its flag episodes go into the follow-up register (DATA_DIR/followup.duckdb), so
/// statuses carry over to the new months and recoveries are recorded at load time. The snapshot is already in
/// service: a failure here (the register locked by another process for too long) is reported and never fails the
/// run — the dashboards sync the register themselves when they find it behind.
/// </summary>
public sealed class EpisodeRegisterStage : IPipelineStage
{
    public void Run(RunContext run) => run.Stages.Run("episodes", null, () => Sync(run.Dir.Root, run.Report));

    public static void Sync(string dataDir, RunReport report)
    {
        try
        {
            if (EpisodeSync.FromCurrentSnapshot(dataDir) is { } r)
                report.Episodes = new Dictionary<string, long>
                {
                    ["opened"] = r.Opened, ["updated"] = r.Updated, ["recovered"] = r.Recovered,
                    ["no_longer_in_data"] = r.NoLongerInData, ["migrated"] = r.Migrated, ["not_migrated"] = r.NotMigrated,
                };
        }
        catch (Exception e)
        {
            report.EpisodesError = $"{e.GetType().Name}: {e.Message.Split('\n')[0]}";
        }
    }
}
