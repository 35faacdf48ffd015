using Monitoring.Tests.Warehouse.Support;
using Monitoring.Warehouse.FollowUp;

namespace Monitoring.Tests.Warehouse.FollowUp;

public sealed class FollowUpRegisterTests
{
    [Fact]
    public void Register_survives_reopening_and_keeps_the_history()
    {
        using var dir = new TempDirectory();
        var first = new FollowUpRegister(dir.Path);
        first.SetStatus("plan_within_90_days", "ATS-01-001", "2025-03", FollowUpStatus.Contacted, "ministry.user1", "call planned");
        first.SetStatus("plan_within_90_days", "ATS-01-001", "2025-03", FollowUpStatus.AssistanceActivated, "ministry.user2");
        first.SetNotes("convocation_within_30_days", "ATS-02-001", "2025-02", "awaiting data", "ministry.user1");

        // a new instance, as after a rebuild of the data or a restart of the dashboard
        var reopened = new FollowUpRegister(dir.Path);
        var all = reopened.ReadAll();
        Assert.Equal(2, all.Count);
        var plan = reopened.Get("plan_within_90_days", "ATS-01-001", "2025-03")!;
        Assert.Equal(FollowUpStatus.AssistanceActivated, plan.Status);
        Assert.Equal("call planned", plan.Notes);          // a status change without notes keeps them
        Assert.Equal("ministry.user2", plan.UpdatedBy);
        var notesOnly = reopened.Get("convocation_within_30_days", "ATS-02-001", "2025-02")!;
        Assert.Equal(FollowUpStatus.Open, notesOnly.Status);

        var history = reopened.History("plan_within_90_days", "ATS-01-001", "2025-03");
        Assert.Equal(2, history.Count);
        Assert.Null(history[0].PreviousStatus);
        Assert.Equal(FollowUpStatus.Contacted, history[0].Status);
        Assert.Equal(FollowUpStatus.Contacted, history[1].PreviousStatus);
        Assert.Equal(FollowUpStatus.AssistanceActivated, history[1].Status);
        Assert.True(File.Exists(Path.Combine(dir.Path, FollowUpRegister.FileName)));
        Assert.Null(reopened.Get("plan_within_90_days", "ATS-01-001", "2025-04"));
    }

    [Fact]
    public void Statuses_round_trip_in_their_stored_spelling()
    {
        foreach (var status in Enum.GetValues<FollowUpStatus>())
            Assert.Equal(status, FollowUpStatusText.Parse(FollowUpStatusText.ToText(status)));
        Assert.Equal("assistance_activated", FollowUpStatusText.ToText(FollowUpStatus.AssistanceActivated));
    }
}
