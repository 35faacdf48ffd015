using Monitoring.DataDir.Operations;

namespace Monitoring.Tests.DataDir.Operations;

public class JobHistoryTests
{
    private static JobRunRecord Run(string job, string status, int minute, int attempt = 1, long? rows = null) => new()
    {
        JobName = job, JobType = "housekeeping", TriggeredBy = "schedule", Attempt = attempt, Status = status, Rows = rows,
        StartedAt = new DateTime(2026, 11, 1, 2, minute, 0, DateTimeKind.Utc),
        FinishedAt = new DateTime(2026, 11, 1, 2, minute, 30, DateTimeKind.Utc),
        Host = "h", Pid = 1,
    };

    [Fact]
    public void Reading_a_data_dir_without_history_answers_empty_and_creates_nothing()
    {
        using var dir = new TempDir();
        Assert.Empty(JobHistory.Recent(dir.Root, 10));
        Assert.Empty(JobHistory.LastSuccessPerJob(dir.Root));
        Assert.False(File.Exists(Path.Combine(dir.Root, JobHistory.FileName)));
    }

    [Fact]
    public void Recent_is_newest_first_and_last_success_is_per_job()
    {
        using var dir = new TempDir();
        JobHistory.Record(dir.Root, Run("ingest", "succeeded", 0, rows: 1200));
        JobHistory.Record(dir.Root, Run("ingest", "failed", 10) with { Message = "pipeline refused", ExportId = "gepi-2", RetryScheduled = true });
        JobHistory.Record(dir.Root, Run("housekeeping", "succeeded", 20, rows: 3));
        JobHistory.Record(dir.Root, Run("ingest", "failed", 30, attempt: 2) with { Message = "pipeline refused", ExportId = "gepi-2" });
        JobHistory.Record(dir.Root, Run("housekeeping", "skipped", 40));

        var recent = JobHistory.Recent(dir.Root, 3);
        Assert.Equal([40, 30, 20], recent.Select(r => r.StartedAt.Minute));
        var failed = recent[1];
        Assert.Equal(("ingest", "failed", 2, "gepi-2", "pipeline refused", false), (failed.JobName, failed.Status, failed.Attempt, failed.ExportId, failed.Message, failed.RetryScheduled));
        Assert.Equal(new DateTime(2026, 11, 1, 2, 30, 30), failed.FinishedAt);

        var last = JobHistory.LastSuccessPerJob(dir.Root);
        Assert.Equal(["housekeeping", "ingest"], last.Select(r => r.JobName));
        Assert.Equal((20, 3L), (last[0].StartedAt.Minute, last[0].Rows!.Value)); // the skipped run at :40 is not a success
        Assert.Equal((0, 1200L), (last[1].StartedAt.Minute, last[1].Rows!.Value));
    }
}
