using Monitoring.Etl.Pipeline;
using Monitoring.Etl.Lake;
using Monitoring.Tests.Etl.Support;
using Monitoring.DataDir.Snapshots;

namespace Monitoring.Tests.Etl.Pipeline;

/// <summary>Same export and key → same pseudonyms and the same warehouse; another key → other pseudonyms.</summary>
[Collection(PipelineRunsCollection.Name)]
public class DeterminismTests(TinyRun tiny, RulesRun rules)
{
    static List<string?[]> Sorted(Duck db, string sql) => db.Rows($"SELECT * FROM ({sql}) ORDER BY ALL");

    [Fact]
    public void The_same_export_loaded_twice_gives_identical_staging_tables_and_indicator_values()
    {
        Assert.True(tiny.SecondReport.Status == RunStatus.Succeeded, tiny.SecondReport.Error);
        Assert.NotEqual(tiny.Report.RunId, tiny.SecondReport.RunId);
        using var db = Duck.Memory();
        db.Exec($"ATTACH {Duck.Lit(tiny.Warehouse)} AS a (READ_ONLY)");
        db.Exec($"ATTACH {Duck.Lit(new SnapshotStore(tiny.SecondDataDir).CurrentWarehouse()!)} AS b (READ_ONLY)");
        foreach (var table in LakeTable.All.Select(t => t.Table))
        {
            var a = Sorted(db, $"SELECT * FROM a.{table}");
            var b = Sorted(db, $"SELECT * FROM b.{table}");
            Assert.True(a.Count > 0, table);
            Assert.Equal(a, b);
        }
        // Doubles rounded: a parallel sum may differ in the last bit between runs.
        const string indicators = "SELECT indicator_id, level, territory_code, month, round(numerator, 9), round(denominator, 9), round(value, 9) FROM {0}.indicator_values";
        var ia = Sorted(db, string.Format(indicators, "a"));
        Assert.True(ia.Count > 100, $"{ia.Count} indicator values");
        Assert.Equal(ia, Sorted(db, string.Format(indicators, "b")));
    }

    [Fact]
    public void Pseudonyms_are_the_hmac_of_the_test_key()
    {
        using var wh = Duck.ReadOnly(tiny.Warehouse);
        using var csv = Duck.Memory();
        var firstHousehold = csv.Column($"SELECT household_id FROM {Duck.ReadCsv(Path.Combine(tiny.Export, "households.csv"))} LIMIT 1").Single();
        Assert.Equal(1, wh.Count($"SELECT count(*) FROM stg_households WHERE household_key = '{ExpectedPseudonym.Of("household", firstHousehold)}'"));
    }

    [Fact]
    public void Another_key_in_another_process_gives_other_pseudonyms()
    {
        using var tmp = new TempDir();
        var env = new Dictionary<string, string> { ["MONITORING_PSEUDONYM_KEY"] = TestKey.OtherHex };

        // The rules export quarantines half of some files on purpose: the thresholds are lifted for it.
        var (exitCode, output) = EtlProcess.Run(env, "run", "--source", rules.Export, "--data", tmp["data"], "--max-quarantined", "100%");

        Assert.True(exitCode == 0, output);
        using var other = Duck.ReadOnly(new SnapshotStore(tmp["data"]).CurrentWarehouse()!);
        using var ours = Duck.ReadOnly(rules.Warehouse);
        var otherKeys = other.Column("SELECT household_key FROM stg_households ORDER BY 1");
        var ourKeys = ours.Column("SELECT household_key FROM stg_households ORDER BY 1");
        var ids = Enumerable.Range(1, 6).Select(i => $"H-{i:000000}").ToList();
        Assert.Equal(ids.Select(id => ExpectedPseudonym.Of("household", id, TestKey.OtherHex)).Order(StringComparer.Ordinal), otherKeys);
        Assert.Equal(ids.Select(id => ExpectedPseudonym.Of("household", id)).Order(StringComparer.Ordinal), ourKeys);
        Assert.Empty(otherKeys.Intersect(ourKeys));
    }
}
