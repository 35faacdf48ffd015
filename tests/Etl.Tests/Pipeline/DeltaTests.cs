using Monitoring.Etl.Pipeline;
using Monitoring.Tests.Etl.Support;
using Monitoring.DataDir;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Tests.Etl.Pipeline;

/// <summary>A delta export upserts by key onto the state in service: changed rows replaced, new rows added, nothing deleted.</summary>
public class DeltaTests
{
    /// <summary>A delta of the valid fixture holding only <paramref name="files"/> (the rows given below for the changed ones).</summary>
    static FixtureExport Delta(params string[] files)
    {
        var x = FixtureExport.Valid();
        x.Kind = "delta";
        x.ExportId = "fixture-2026-11-02T02-00";
        foreach (var f in x.Files.Keys.Except(files).ToList()) x.Files.Remove(f);
        if (!x.Files.ContainsKey("households.csv")) { NewCase(x); return x; }
        var h = x["households.csv"].Records;
        var changed = h.Single(r => r.StartsWith("H-000002;")).Replace(";active", ";suspended");
        h.Clear();
        h.Add(changed);
        h.Add($"H-000007;{FixtureExport.Cf("NVLRRT95A10A109")};001002;Via Nuova 2;1;0;0;0;1500.00;ADI;2026-09-15;2026-10-01;2027-09-30;social_services;active");
        x["persons.csv"].Records.Clear();
        x["persons.csv"].Records.Add($"P-000013;H-000007;{FixtureExport.Cf("NVLRRT95A10A109")};Roberto;Novelli;1995-01-10;M;IT;applicant;true");
        // A case of a household the delta does not carry: it resolves against the state in service.
        NewCase(x);
        x["payments.csv"].Records.Clear();
        x["payments.csv"].Records.AddRange(["H-000004;2026-06;415.00;2026-06-27", "H-000001;2026-09;500.00;2026-09-27", "H-000007;2026-10;300.00;2026-10-27"]);
        return x;
    }

    /// <summary>cases.csv of the delta: one new case of a household the delta does not carry.</summary>
    static void NewCase(FixtureExport x)
    {
        x["cases.csv"].Records.Clear();
        x["cases.csv"].Records.Add("C-000005;H-000006;ATS-01-001;OP-0001;2026-10-01;;;");
    }

    static readonly string[] Changed = ["ambiti.csv", "operators.csv", "households.csv", "persons.csv", "cases.csv", "payments.csv"];

    [Fact]
    public void A_delta_replaces_changed_rows_adds_new_ones_and_deletes_nothing()
    {
        using var tmp = new TempDir();
        var data = tmp["data"];
        var full = PipelineRunner.Run(new PipelineOptions { Source = FixtureExport.Valid().Write(tmp["full"]), DataDir = data, Demo = true });
        Assert.True(full.Status == RunStatus.Succeeded, full.Error);

        // ambiti.csv and operators.csv are resent unchanged (a same-key row replaces the earlier one).
        var delta = PipelineRunner.Run(new PipelineOptions { Source = Delta(Changed).Write(tmp["delta"]), DataDir = data, Demo = true });

        Assert.True(delta.Status == RunStatus.Succeeded, delta.Error);
        Assert.Equal("delta", delta.Kind);
        foreach (var (file, rows) in new Dictionary<string, long> { ["ambiti.csv"] = 2, ["operators.csv"] = 5, ["households.csv"] = 2, ["persons.csv"] = 1, ["cases.csv"] = 1, ["payments.csv"] = 3 })
            Assert.Equal((file, rows, rows, 0L), (file, delta.Files[file].Read, delta.Files[file].Loaded, delta.Files[file].Quarantined));
        Assert.Equal(6, delta.Files.Count);

        using var wh = Duck.ReadOnly(new SnapshotStore(data).CurrentWarehouse()!);
        string K(string domain, string id) => ExpectedPseudonym.Of(domain, id);
        // By hand: 6 + 1 new households, 12 + 1 persons, 4 + 1 cases, 20 + 2 new payments (one replaced); the rest carried over.
        var expected = new Dictionary<string, long>
        {
            ["stg_ambiti"] = 2, ["stg_ambito_comuni"] = 4, ["stg_operators"] = 5, ["stg_households"] = 7, ["stg_persons"] = 13,
            ["stg_cases"] = 5, ["stg_case_events"] = 10, ["stg_referrals"] = 3, ["stg_payments"] = 22, ["stg_budget"] = 3,
        };
        foreach (var (table, n) in expected)
            Assert.Equal((table, n), (table, wh.Count($"SELECT count(*) FROM {table}")));
        Assert.Equal("suspended", wh.Scalar($"SELECT status FROM stg_households WHERE household_key = '{K("household", "H-000002")}'"));
        Assert.Equal("active", wh.Scalar($"SELECT status FROM stg_households WHERE household_key = '{K("household", "H-000001")}'"));
        Assert.Equal(K("household", "H-000006"), wh.Scalar($"SELECT household_key FROM stg_cases WHERE case_key = '{K("case", "C-000005")}'"));
        Assert.Equal("415.00", Convert.ToString(wh.Scalar($"SELECT CAST(amount_eur AS VARCHAR) FROM stg_payments WHERE household_key = '{K("household", "H-000004")}' AND period = '2026-06'")));
        Assert.Equal(9, wh.Count($"SELECT count(*) FROM stg_payments WHERE household_key = '{K("household", "H-000001")}'"));
        Assert.Equal(1, wh.Count($"SELECT count(*) FROM stg_persons WHERE household_key = '{K("household", "H-000007")}'"));
    }

    [Fact]
    public void Codes_of_a_delta_resolve_against_files_the_delta_does_not_carry()
    {
        using var tmp = new TempDir();
        var data = tmp["data"];
        var full = PipelineRunner.Run(new PipelineOptions { Source = FixtureExport.Valid().Write(tmp["full"]), DataDir = data, Demo = true });
        Assert.True(full.Status == RunStatus.Succeeded, full.Error);

        // Only cases.csv: its household, ATS and case manager are defined by the state in service alone.
        var delta = PipelineRunner.Run(new PipelineOptions { Source = Delta("cases.csv").Write(tmp["delta"]), DataDir = data, Demo = true });

        Assert.True(delta.Status == RunStatus.Succeeded, delta.Error);
        Assert.Equal((1L, 1L, 0L), (delta.Files["cases.csv"].Read, delta.Files["cases.csv"].Loaded, delta.Files["cases.csv"].Quarantined));
        using var wh = Duck.ReadOnly(new SnapshotStore(data).CurrentWarehouse()!);
        Assert.Equal(5, wh.Count("SELECT count(*) FROM stg_cases"));
        Assert.Equal(6, wh.Count("SELECT count(*) FROM stg_households"));
        Assert.Equal(ExpectedPseudonym.Of("operator", "OP-0001"), wh.Scalar($"SELECT case_manager_key FROM stg_cases WHERE case_key = '{ExpectedPseudonym.Of("case", "C-000005")}'"));
    }

    [Fact]
    public void Tables_a_delta_does_not_carry_keep_their_lake_files_and_warehouse_rows_unchanged()
    {
        using var tmp = new TempDir();
        var data = tmp["data"];
        var store = new SnapshotStore(data);
        Assert.Equal(RunStatus.Succeeded, PipelineRunner.Run(new PipelineOptions { Source = FixtureExport.Valid().Write(tmp["full"]), DataDir = data, Demo = true }).Status);
        var before = store.CurrentSnapshotDir()!;

        var delta = PipelineRunner.Run(new PipelineOptions { Source = Delta("cases.csv").Write(tmp["delta"]), DataDir = data, Demo = true });

        Assert.True(delta.Status == RunStatus.Succeeded, delta.Error);
        var after = store.CurrentSnapshotDir()!;
        Assert.NotEqual(before, after);
        foreach (var stem in new[] { "ambiti", "ambito_comuni", "operators", "households", "persons", "case_events", "referrals", "payments", "budget" })
        {
            var old = Directory.GetFiles(Path.Combine(DataDirectory.LakeDir(before), stem), "*.parquet", SearchOption.AllDirectories).Order().ToList();
            var now = Directory.GetFiles(Path.Combine(DataDirectory.LakeDir(after), stem), "*.parquet", SearchOption.AllDirectories).Order().ToList();
            Assert.Equal(old.Select(f => Path.GetRelativePath(before, f)), now.Select(f => Path.GetRelativePath(after, f)));
            Assert.All(old.Zip(now), pair => Assert.Equal(File.ReadAllBytes(pair.First), File.ReadAllBytes(pair.Second)));
        }
        using var db = Duck.Memory();
        db.Scalar($"ATTACH '{DataDirectory.WarehouseFile(before)}' AS a (READ_ONLY); ATTACH '{DataDirectory.WarehouseFile(after)}' AS b (READ_ONLY)");
        foreach (var table in new[] { "stg_households", "stg_case_events", "stg_payments" })
        {
            Assert.True(db.Count($"SELECT count(*) FROM a.{table}") > 0, table);
            Assert.Equal((table, 0L), (table, db.Count($"SELECT count(*) FROM (FROM a.{table} EXCEPT ALL FROM b.{table})")));
            Assert.Equal((table, 0L), (table, db.Count($"SELECT count(*) FROM (FROM b.{table} EXCEPT ALL FROM a.{table})")));
        }
        // The derived tables are rebuilt on the new state: the new case is in the accumulating snapshot.
        Assert.Equal(db.Count("SELECT count(*) FROM a.fct_cases") + 1, db.Count("SELECT count(*) FROM b.fct_cases"));
    }

    public static TheoryData<string[]> DeltaFileSets => new() { Changed, new[] { "cases.csv" } };

    [Theory]
    [MemberData(nameof(DeltaFileSets))]
    public void A_delta_rebuilds_part_of_the_warehouse_and_ends_with_the_tables_a_full_rebuild_gives(string[] files)
    {
        using var tmp = new TempDir();
        var data = tmp["data"];
        Assert.Equal(RunStatus.Succeeded, PipelineRunner.Run(new PipelineOptions { Source = FixtureExport.Valid().Write(tmp["full"]), DataDir = data, Demo = true }).Status);

        var delta = PipelineRunner.Run(new PipelineOptions { Source = Delta(files).Write(tmp["delta"]), DataDir = data, Demo = true });

        Assert.True(delta.Status == RunStatus.Succeeded, delta.Error);
        Assert.True(delta.PartialRebuild);
        AssertSameAsFullRebuild(data);
    }

    /// <summary>
    /// A delta whose only change is a household's status rebuilds <c>dim_household_profile</c> (it reads the households)
    /// with the same rows — the profile has no status — so nothing downstream of it is recomputed: not <c>open_cases</c>,
    /// whose model reads cases and whose dimensions read the profile. The same delta changing the household's ISEE too
    /// (a profile column) recomputes it. Either way the snapshot ends with the tables a full rebuild gives.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_mart_rebuilt_with_the_same_rows_recomputes_nothing_downstream_of_it(bool profileChanges)
    {
        using var tmp = new TempDir();
        var data = tmp["data"];
        Assert.Equal(RunStatus.Succeeded, PipelineRunner.Run(new PipelineOptions { Source = FixtureExport.Valid().Write(tmp["full"]), DataDir = data, Demo = true }).Status);
        var x = FixtureExport.Valid();
        x.Kind = "delta";
        x.ExportId = "fixture-2026-11-02T02-00";
        foreach (var f in x.Files.Keys.Where(f => f != "households.csv").ToList()) x.Files.Remove(f);
        var h = x["households.csv"].Records;
        var row = h.Single(r => r.StartsWith("H-000002;")).Replace(";active", ";suspended");
        if (profileChanges) row = row.Replace(";3100.50;", ";9100.50;");
        h.Clear();
        h.Add(row);

        var delta = PipelineRunner.Run(new PipelineOptions { Source = x.Write(tmp["delta"]), DataDir = data, Demo = true });

        Assert.True(delta.Status == RunStatus.Succeeded, delta.Error);
        Assert.True(delta.PartialRebuild);
        Assert.NotNull(delta.RecomputedIndicators);
        if (profileChanges) Assert.Contains("open_cases", delta.RecomputedIndicators);
        else Assert.DoesNotContain("open_cases", delta.RecomputedIndicators);
        AssertSameAsFullRebuild(data);
    }

    /// <summary>Every table of the snapshot in service equals, row for row, the one a rebuild of every mart, indicator
    /// and flag from the same staged tables gives.</summary>
    static void AssertSameAsFullRebuild(string data)
    {
        var store = new SnapshotStore(data);
        var partial = store.CurrentSnapshotDir()!;
        SnapshotRebuilder.Rebuild(data);   // every mart, indicator and flag recomputed from the same staged tables
        var whole = store.CurrentSnapshotDir()!;
        Assert.NotEqual(partial, whole);
        using var db = Duck.Memory();
        db.Scalar($"ATTACH '{DataDirectory.WarehouseFile(partial)}' AS a (READ_ONLY); ATTACH '{DataDirectory.WarehouseFile(whole)}' AS b (READ_ONLY)");
        var tables = db.Column("SELECT table_name FROM duckdb_tables() WHERE database_name = 'a' AND table_name <> 'run_meta' ORDER BY 1");
        Assert.Contains("indicator_values", tables);
        Assert.Contains("flags", tables);
        foreach (var table in tables)
        {
            Assert.Equal((table, 0L), (table, db.Count($"SELECT count(*) FROM (FROM a.{table} EXCEPT ALL FROM b.{table})")));
            Assert.Equal((table, 0L), (table, db.Count($"SELECT count(*) FROM (FROM b.{table} EXCEPT ALL FROM a.{table})")));
        }
    }

    [Fact]
    public void A_delta_onto_a_snapshot_with_text_pseudonyms_from_an_earlier_release_is_refused()
    {
        using var tmp = new TempDir();
        var data = tmp["data"];
        var store = new SnapshotStore(data);
        Assert.Equal(RunStatus.Succeeded, PipelineRunner.Run(new PipelineOptions { Source = FixtureExport.Valid().Write(tmp["full"]), DataDir = data, Demo = true }).Status);
        var before = store.CurrentSnapshotDir()!;
        // What an earlier release wrote: the households' keys as 32 hex characters.
        var file = Directory.GetFiles(Path.Combine(DataDirectory.LakeDir(before), "households"), "*.parquet").Single();
        using (var db = Duck.Memory())
        {
            db.Scalar($"COPY (SELECT * REPLACE (replace(household_key::VARCHAR, '-', '') AS household_key) FROM read_parquet('{file}')) TO '{file}.old' (FORMAT parquet)");
        }
        File.Move(file + ".old", file, overwrite: true);

        var delta = PipelineRunner.Run(new PipelineOptions { Source = Delta("cases.csv").Write(tmp["delta"]), DataDir = data, Demo = true });

        Assert.Equal(RunStatus.Refused, delta.Status);
        Assert.Contains("load a full export", delta.Error);
        Assert.Equal(before, store.CurrentSnapshotDir());
    }

    [Fact]
    public void A_delta_without_a_previous_load_is_refused()
    {
        using var tmp = new TempDir();
        var report = PipelineRunner.Run(new PipelineOptions { Source = Delta(Changed).Write(tmp["delta"]), DataDir = tmp["data"], Demo = true });
        Assert.Equal(RunStatus.Refused, report.Status);
        Assert.Contains("delta", report.Error);
    }
}
