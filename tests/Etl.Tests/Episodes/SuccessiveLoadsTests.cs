using System.Text.Json;
using Monitoring.Tools.Generate;
using Monitoring.Etl.Pipeline;
using Monitoring.Tests.Etl.Support;
using Monitoring.DataDir.FollowUp;
using Monitoring.DataDir.Runs;

namespace Monitoring.Tests.Etl.Episodes;

/// <summary>
/// The monitoring loop over three monthly loads, each a real `etl run` child process on an export of August,
/// September and October 2026 cut from one generated export. One ATS recorded no processing event in August: it is
/// flagged there (0 cases processed against several active case managers), the ministry activates assistance after
/// the August load, and the status must still be assistance_activated after the September load (one month back
/// inside the limits: not yet recovered) and show "recovered" after October (two months, the catalogue's setting).
/// </summary>
public sealed class SuccessiveLoadsTests
{
    const string Indicator = "cases_processed_per_case_manager";
    static readonly string[] Processing = ["preassessment_completed", "assessment_completed", "plan_signed", "monitoring_meeting"];
    static readonly DateOnly August = new(2026, 8, 31), September = new(2026, 9, 30), October = new(2026, 10, 31);

    [Fact]
    public void Assistance_status_carries_across_monthly_loads_and_recovery_shows_when_back_inside_long_enough()
    {
        using var tmp = new TempDir();
        var full = ExportGenerator.Generate(new GeneratorOptions
        {
            Preset = GeneratorPreset.Tiny, Seed = 7, OutputDirectory = tmp["generated"], ReferenceDate = October,
        }).ExportDirectory;

        // The ATS to silence: never flagged on the indicator from May to October in the untouched data, with the
        // most case managers in August (so a month without processing is far outside the limits).
        var baseline = PipelineRunner.Run(new PipelineOptions { Source = full, DataDir = tmp["baseline"] });
        Assert.Equal(RunStatus.Succeeded, baseline.Status);
        string ats;
        using (var db = Duck.ReadOnly(Path.Combine(tmp["baseline"], "snapshots", baseline.RunId, "warehouse.duckdb")))
        {
            ats = db.Column($"""
                select ats_code from flags where indicator_id = '{Indicator}' and month between '2026-05' and '2026-10'
                group by ats_code
                having count(*) = 6 and count(*) filter (where severity <> 'none') = 0
                order by max(n) filter (where month = '2026-08') desc, ats_code limit 1
                """).Single();
        }
        var silence = $"""
            delete from case_events where event_type in ({string.Join(", ", Processing.Select(Duck.Lit))})
              and event_date between '2026-08-01' and '2026-08-31'
              and case_id in (select case_id from cases where ats_code = {Duck.Lit(ats)});
            """;
        var data = tmp["data"];
        var register = new FollowUpRegister(data);
        var ministry = new Actor("oidc|c0ffee", "m.bianchi", "ministry");

        // August: the ATS is flagged; an episode opens with the value 0; the ministry activates assistance.
        var august = Load(tmp, data, full, August, silence);
        Assert.True(august.Episodes!["opened"] >= 1);
        var opened = register.ForMonth(Indicator, ats, "2026-08");
        Assert.NotNull(opened);
        Assert.Equal(("2026-08", 0.0, FollowUpStatus.Open), (opened!.StartMonth, opened.StartValue, opened.Status));
        Assert.Contains(opened.StartSeverity, new[] { "warning", "alarm" });
        register.SetStatus(opened.EpisodeId, FollowUpStatus.Contacted, ministry, "called the district office");
        register.SetStatus(opened.EpisodeId, FollowUpStatus.AssistanceActivated, ministry);

        // September: back inside for one month — still the same episode, still assistance_activated, not recovered.
        var september = Load(tmp, data, full, September, silence);
        Assert.Equal(RunStatus.Succeeded, september.Status);
        var carried = register.Get(opened.EpisodeId)!;
        Assert.Equal(FollowUpStatus.AssistanceActivated, carried.Status);
        Assert.Equal(("2026-08", 0.0), (carried.AssistanceMonth, carried.AssistanceValue));
        Assert.Equal(("2026-09", "none"), (carried.LatestMonth, carried.LatestSeverity));
        Assert.False(carried.Recovered);
        Assert.Equal("called the district office", carried.Notes);
        Assert.Equal(["2026-08", "2026-09"], register.Months(opened.EpisodeId).Select(m => m.Month));

        // October: two months inside the limits — recovered (computed), status untouched, two months after assistance.
        var october = Load(tmp, data, full, October, silence);
        Assert.True(october.Episodes!["recovered"] >= 1);
        var recovered = register.Get(opened.EpisodeId)!;
        Assert.True(recovered.Recovered);
        Assert.Equal("2026-10", recovered.RecoveredMonth);
        Assert.Equal(FollowUpStatus.AssistanceActivated, recovered.Status);
        Assert.Equal(2, recovered.MonthsToRecovery(recovered.AssistanceMonth));
        Assert.Equal(["2026-08", "2026-09", "2026-10"], register.Months(opened.EpisodeId).Select(m => m.Month));

        var history = register.History(opened.EpisodeId);
        Assert.Equal(["opened", "status", "status", "recovered"], history.Select(h => h.Kind));
        Assert.All(history.Where(h => h.Kind == "status"), h => Assert.Equal(("oidc|c0ffee", "m.bianchi"), (h.ChangedById, h.ChangedByName)));
        // One episode per (indicator, ATS, start): three loads did not make three.
        Assert.Single(register.Episodes(), e => e.IndicatorId == Indicator && e.AtsCode == ats);

        // The data-quality indicators are catalogue indicators like any other: all six are in `indicators --out`.
        var csv = tmp["indicators.csv"];
        var (exit, output) = EtlProcess.Run(null, "indicators", "--data", data, "--out", csv);
        Assert.True(exit == 0, output);
        var ids = File.ReadLines(csv).Skip(1).Select(l => l.Split(';')[0]).ToHashSet();
        Assert.Subset(ids, new HashSet<string> { "dq_quarantine_rate", "dq_stale_open_cases", "dq_unassigned_after_30_days",
            "dq_events_after_closure", "dq_case_managers_without_events", "dq_export_timeliness_days" });
    }

    /// <summary>Cuts the export at the reference date, runs `etl run` as a child process, returns its report.</summary>
    static RunReport Load(TempDir tmp, string data, string full, DateOnly reference, string edit)
    {
        var export = EarlierExport.Write(full, tmp[$"export-{reference:yyyy-MM}"], reference, edit);
        var report = tmp[$"report-{reference:yyyy-MM}.json"];
        var (exit, output) = EtlProcess.Run(null, "run", "--source", export, "--data", data, "--report", report);
        Assert.True(exit == 0, output);
        var parsed = JsonSerializer.Deserialize<RunReport>(File.ReadAllText(report))!;
        Assert.Null(parsed.EpisodesError);
        Assert.Equal(0, parsed.Files.Values.Sum(f => f.Quarantined));
        return parsed;
    }
}
