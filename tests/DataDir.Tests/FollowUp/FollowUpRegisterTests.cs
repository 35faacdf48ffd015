using DuckDB.NET.Data;
using Monitoring.DataDir.FollowUp;

namespace Monitoring.Tests.DataDir.FollowUp;

/// <summary>
/// The episode register on a real followup.duckdb, fed with what three successive loads' snapshots would hold
/// (the full path through `etl run` is in Etl.Tests' SuccessiveLoadsTests).
/// </summary>
public sealed class FollowUpRegisterTests
{
    const string Indicator = "plan_within_90_days";
    const string Ats = "ATS-01-001";
    static readonly Actor Maria = new("oidc|4f1c", "maria.rossi", "ministry");

    /// <summary>One computed episode opened in 2025-03 whose data runs to <paramref name="latest"/>.</summary>
    static SnapshotEpisodes Load(string latest, string? recovered, params (string Month, double Value, string Severity)[] months)
    {
        var id = $"{Indicator}:{Ats}:2025-03";
        var e = new SnapshotEpisodes.Computed(id, Indicator, Ats, "01", "2025-03", 0.21, 0.48, "alarm", "alarm",
            months.Last(m => m.Severity != "none").Month, months.Count(m => m.Severity != "none"), 2, recovered, latest,
            months[^1].Value, months[^1].Severity);
        var rows = months.Select(m => new EpisodeMonth(id, m.Month, m.Value, 0.48, 40, 0.3, 0.33, 0.63, 0.66, m.Severity));
        return new([e], rows.ToLookup(r => r.EpisodeId));
    }

    [Fact]
    public void Status_carries_across_loads_and_recovery_is_computed_from_the_data()
    {
        using var dir = new TempDir();
        var register = new FollowUpRegister(dir.Root);

        var first = EpisodeSync.Sync(register, Load("2025-03", null, ("2025-03", 0.21, "alarm")), "run-1");
        Assert.Equal(1, first.Opened);
        var episode = Assert.Single(register.Episodes());
        Assert.Equal(FollowUpStatus.Open, episode.Status);
        register.SetStatus(episode.EpisodeId, FollowUpStatus.Contacted, Maria, "call on Monday");
        register.SetStatus(episode.EpisodeId, FollowUpStatus.AssistanceActivated, Maria);

        // Next month: still outside (warning). A new register object, as after a restart.
        var second = EpisodeSync.Sync(new FollowUpRegister(dir.Root), Load("2025-04", null, ("2025-03", 0.21, "alarm"), ("2025-04", 0.31, "warning")), "run-2");
        Assert.Equal((0, 1), (second.Opened, second.Updated));
        var carried = Assert.Single(register.Episodes());
        Assert.Equal(FollowUpStatus.AssistanceActivated, carried.Status);
        Assert.Equal("call on Monday", carried.Notes);
        Assert.Equal(("2025-03", 0.21), (carried.AssistanceMonth, carried.AssistanceValue));
        Assert.Equal(("2025-04", 0.31), (carried.LatestMonth, carried.LatestValue));
        Assert.Equal((0.21, "2025-03"), (carried.StartValue!.Value, carried.StartMonth));
        Assert.False(carried.Recovered);

        // Two months back inside: recovered, status untouched (it is the ministry's).
        var third = EpisodeSync.Sync(register, Load("2025-06", "2025-06", ("2025-03", 0.21, "alarm"), ("2025-04", 0.31, "warning"),
            ("2025-05", 0.45, "none"), ("2025-06", 0.47, "none")), "run-3");
        Assert.Equal(1, third.Recovered);
        var done = register.Get(episode.EpisodeId)!;
        Assert.True(done.Recovered);
        Assert.Equal(FollowUpStatus.AssistanceActivated, done.Status);
        Assert.Equal(3, done.MonthsToRecovery(done.AssistanceMonth));
        Assert.Equal(["2025-03", "2025-04", "2025-05", "2025-06"], register.Months(episode.EpisodeId).Select(m => m.Month));

        var history = register.History(episode.EpisodeId);
        Assert.Equal(["opened", "status", "status", "recovered"], history.Select(h => h.Kind));
        Assert.Equal(("oidc|4f1c", "maria.rossi", "ministry"), (history[1].ChangedById, history[1].ChangedByName, history[1].ChangedByRole));
        Assert.Equal(FollowUpStatus.Contacted, history[2].PreviousStatus);
        Assert.Equal("system", history[3].ChangedById);

        // The same run synced twice changes nothing.
        Assert.Equal(0, EpisodeSync.Sync(register, Load("2025-06", "2025-06", ("2025-03", 0.21, "alarm")), "run-3").Updated);
        Assert.Equal(4, register.History(episode.EpisodeId).Count);
    }

    [Fact]
    public void Closing_without_action_needs_a_reason_and_an_unknown_episode_is_refused()
    {
        using var dir = new TempDir();
        var register = new FollowUpRegister(dir.Root);
        EpisodeSync.Sync(register, Load("2025-03", null, ("2025-03", 0.21, "alarm")), "run-1");
        var id = register.Episodes()[0].EpisodeId;
        Assert.Throws<ArgumentException>(() => register.SetStatus(id, FollowUpStatus.ClosedNoAction, Maria, reason: " "));
        var closed = register.SetStatus(id, FollowUpStatus.ClosedNoAction, Maria, reason: "data error, fixed at source");
        Assert.Equal(("data error, fixed at source", FollowUpStatus.ClosedNoAction), (closed.Reason, closed.Status));
        Assert.Throws<KeyNotFoundException>(() => register.SetStatus("x:y:2020-01", FollowUpStatus.Contacted, Maria));
    }

    [Fact]
    public void Month_keyed_entries_of_the_first_register_move_onto_their_episode()
    {
        using var dir = new TempDir();
        // The first register's tables, as it wrote them (one status per indicator, ATS and month).
        using (var c = new DuckDBConnection($"Data Source={Path.Combine(dir.Root, FollowUpRegister.FileName)}"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                create table followup (indicator_id varchar, ats_code varchar, month varchar, status varchar, notes varchar,
                    updated_by varchar, updated_at timestamp, primary key (indicator_id, ats_code, month));
                create sequence followup_change_id;
                create table followup_history (change_id bigint primary key, indicator_id varchar, ats_code varchar, month varchar,
                    previous_status varchar, status varchar, notes varchar, updated_by varchar, updated_at timestamp);
                insert into followup values
                    ('plan_within_90_days', 'ATS-01-001', '2025-03', 'contacted', 'first call', 'ministry', '2025-04-02 10:00:00'),
                    ('plan_within_90_days', 'ATS-01-001', '2025-04', 'assistance_activated', 'team sent', 'ministry', '2025-05-03 09:00:00'),
                    ('plan_within_90_days', 'ATS-09-009', '2025-04', 'contacted', null, 'ministry', '2025-05-03 09:30:00');
                insert into followup_history values
                    (1, 'plan_within_90_days', 'ATS-01-001', '2025-03', null, 'contacted', 'first call', 'ministry', '2025-04-02 10:00:00'),
                    (2, 'plan_within_90_days', 'ATS-01-001', '2025-04', null, 'contacted', null, 'ministry', '2025-05-01 08:00:00'),
                    (3, 'plan_within_90_days', 'ATS-01-001', '2025-04', 'contacted', 'assistance_activated', 'team sent', 'ministry', '2025-05-03 09:00:00');
                """;
            cmd.ExecuteNonQuery();
        }
        var register = new FollowUpRegister(dir.Root);
        var result = EpisodeSync.Sync(register, Load("2025-04", null, ("2025-03", 0.21, "alarm"), ("2025-04", 0.31, "warning")), "run-1");
        // Two entries fall in the episode; the third ATS has no episode in the data and waits for a later load.
        Assert.Equal((2, 1), (result.Migrated, result.NotMigrated));
        var e = Assert.Single(register.Episodes());
        Assert.Equal((FollowUpStatus.AssistanceActivated, "team sent", "2025-04", 0.31), (e.Status, e.Notes, e.AssistanceMonth, e.AssistanceValue));
        var history = register.History(e.EpisodeId);
        Assert.Equal(["opened", "migrated", "migrated", "migrated"], history.Select(h => h.Kind));
        Assert.Equal(FollowUpStatus.AssistanceActivated, history[^1].Status);
        // Nothing is carried twice.
        Assert.Equal(0, EpisodeSync.Sync(register, Load("2025-04", null, ("2025-04", 0.31, "warning")), "run-2").Migrated);
    }

    [Fact]
    public void Every_status_round_trips_through_its_stored_spelling()
    {
        foreach (var status in Enum.GetValues<FollowUpStatus>())
            Assert.Equal(status, FollowUpStatusText.Parse(FollowUpStatusText.ToText(status)));
        Assert.Equal("closed_no_action", FollowUpStatusText.ToText(FollowUpStatus.ClosedNoAction));
        Assert.Equal(Enum.GetValues<FollowUpStatus>().Length, FollowUpStatusText.All.Count);
    }
}
