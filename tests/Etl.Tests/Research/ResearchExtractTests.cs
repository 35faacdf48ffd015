using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Monitoring.Etl.Research;
using Monitoring.Tests.Etl.OpenData;
using Monitoring.Tests.Etl.Support;
using Parquet;

namespace Monitoring.Tests.Etl.Research;

/// <summary>Two projects' extracts of the tiny warehouse, checked from the WRITTEN files with DuckDB and Parquet.Net.</summary>
[Collection(TinyWarehouseCollection.Name)]
public class ResearchExtractTests(TinyWarehouseFixture fx)
{
    static readonly object Gate = new();
    static readonly Dictionary<string, ExtractReport> Extracts = new();

    ExtractReport Extract(string project)
    {
        lock (Gate)
        {
            if (!Extracts.TryGetValue(project, out var r))
                Extracts[project] = r = ResearchExtractor.Extract(new ResearchExtractOptions { DataDir = fx.DataDir, Project = project, OutDir = Path.Combine(fx.Root, "research"), K = 5 });
            return r;
        }
    }

    static string Pq(ExtractReport r, string table) => Duck.Lit(Path.Combine(r.Folder, table + ".parquet"));

    [Fact]
    public void Every_combination_of_quasi_identifiers_in_the_written_files_is_shared_by_at_least_k_records()
    {
        var r = Extract("alpha");
        using var d = Duck.Memory();
        var hh = Pq(r, "households");
        var smallestHousehold = d.Count($"select min(n) from (select count(*) n from read_parquet({hh}) group by geo_code, household_size, has_minors)");
        Assert.True(smallestHousehold >= 5, $"a household class has {smallestHousehold} records");
        // a person's combination includes their household's values, as a reader joining the files would see it
        var smallestPerson = d.Count($"""
            with persons as (select * from read_parquet({Pq(r, "persons")})),
            households as (select * from read_parquet({hh}))
            select min(n) from (
                select count(*) n from persons p join households h using (household_pid)
                group by h.geo_code, h.household_size, h.has_minors, p.age_band, p.sex, p.citizenship)
            """);
        Assert.True(smallestPerson >= 5, $"a person class has {smallestPerson} records");
        // the report states what the files show
        Assert.Equal(smallestHousehold, r.Anonymity.Single(a => a.Table == "households").AchievedK);
        Assert.True(r.AchievedK >= 5);
        Assert.NotEmpty(r.Generalized);
        // nothing dropped silently: kept + suppressed = all households of the warehouse
        d.Exec($"attach {Duck.Lit(fx.WarehouseFile)} as wh (read_only)");
        var a = r.Anonymity.Single(x => x.Table == "households");
        Assert.Equal(d.Count("select count(*) from wh.stg_households"), d.Count($"select count(*) from read_parquet({hh})") + a.Suppressed);
        Assert.Equal(d.Count("select count(*) from wh.fct_case_events"), d.Count($"select count(*) from read_parquet({Pq(r, "events")})"));
    }

    [Fact]
    public void A_higher_k_is_honoured_too()
    {
        var r = ResearchExtractor.Extract(new ResearchExtractOptions { DataDir = fx.DataDir, Project = "k-twenty", OutDir = Path.Combine(fx.Root, "research"), K = 20 });
        using var d = Duck.Memory();
        Assert.True(d.Count($"select min(n) from (select count(*) n from read_parquet({Pq(r, "households")}) group by geo_code, household_size, has_minors)") >= 20);
        Assert.Equal(20, r.K);
        Assert.True(r.Anonymity.All(a => a.AchievedK >= 20));
    }

    [Fact]
    public void Two_projects_pseudonyms_differ_from_each_other_and_from_the_warehouse()
    {
        var a = Extract("alpha");
        var b = Extract("beta");
        using var d = Duck.Memory();
        d.Exec($"attach {Duck.Lit(fx.WarehouseFile)} as wh (read_only)");
        foreach (var (table, col, whSql) in new[]
        {
            ("households", "household_pid", "select household_key as k from wh.stg_households"),
            ("persons", "person_pid", "select person_key as k from wh.stg_persons"),
            ("cases", "case_pid", "select case_key as k from wh.fct_cases"),
            ("events", "event_pid", "select event_id as k from wh.fct_case_events"),
        })
        {
            Assert.True(d.Count($"select count(*) from read_parquet({Pq(a, table)})") > 0);
            Assert.Equal(0, d.Count($"select count(*) from read_parquet({Pq(a, table)}) x join read_parquet({Pq(b, table)}) y on x.{col} = y.{col}"));
            Assert.Equal(0, d.Count($"select count(*) from read_parquet({Pq(a, table)}) x join ({whSql}) w on x.{col} = w.k"));
            Assert.Equal(0, d.Count($"select count(*) from read_parquet({Pq(a, table)}) where not regexp_full_match({col}, '[0-9a-f]{{32}}')"));
        }
        // the operator pseudonyms differ too
        Assert.Equal(0, d.Count($"select count(*) from read_parquet({Pq(a, "cases")}) x join read_parquet({Pq(b, "cases")}) y on x.case_manager_pid = y.case_manager_pid"));
    }

    [Fact]
    public void A_project_pid_is_hmac_of_the_warehouse_key_under_the_hkdf_derived_project_key()
    {
        var a = Extract("alpha");
        // Independent computation: HKDF-SHA256(pipeline key, info "monitoring/research/alpha"), then HMAC-SHA256("household|<key as 32 hex digits>").
        var projectKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, TestKey.Bytes, 32, info: Encoding.UTF8.GetBytes("monitoring/research/alpha"));
        using var d = Duck.Memory();
        d.Exec($"attach {Duck.Lit(fx.WarehouseFile)} as wh (read_only)");
        var pids = d.Column($"select household_pid from read_parquet({Pq(a, "households")})").ToHashSet();
        // The key as 32 hex digits without dashes (the form keys had before they were stored as UUIDs): pids stay stable.
        var keys = d.Column("select replace(household_key::VARCHAR, '-', '') from wh.stg_households");
        var expected = keys.Select(k => Convert.ToHexStringLower(HMACSHA256.HashData(projectKey, Encoding.UTF8.GetBytes("household|" + k)).AsSpan(0, 16))).ToHashSet();
        Assert.Subset(expected, pids);
    }

    [Fact]
    public async Task The_extract_files_read_back_with_parquet_net_and_carry_their_column_descriptions()
    {
        var r = Extract("alpha");
        using var d = Duck.Memory();
        foreach (var t in ExtractTables.All)
        {
            var path = Path.Combine(r.Folder, t.Name + ".parquet");
            await using var reader = await ParquetReader.CreateAsync(path);
            Assert.Equal(t.Fields.Select(f => f.Name), reader.Schema.GetDataFields().Select(f => f.Name));
            Assert.Equal("alpha", reader.CustomMetadata["project"]);
            foreach (var f in t.Fields) Assert.Equal(f.DescriptionEn + " | IT: " + f.DescriptionIt, reader.CustomMetadata["column:" + f.Name]);
            long rows = 0;
            for (var g = 0; g < reader.RowGroupCount; g++) { using var rg = reader.OpenRowGroupReader(g); rows += rg.RowCount; }
            Assert.Equal(r.Rows[t.Name], rows);
            Assert.Equal(rows, d.Count($"select count(*) from read_parquet({Duck.Lit(path)})"));
        }
        var codebook = File.ReadAllText(Path.Combine(r.Folder, "codebook.md"));
        Assert.All(ExtractTables.All.SelectMany(t => t.Fields), f => Assert.Contains($"`{f.Name}`", codebook));
        var note = File.ReadAllText(Path.Combine(r.Folder, "release-note.md"));
        Assert.Contains("k = 5", note);
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(r.Folder, "extract-report.json")))!;
        Assert.Equal(5, (int)report["k"]!);
    }

    [Fact]
    public void An_extract_is_never_overwritten_and_a_bad_project_name_is_refused()
    {
        var a = Extract("alpha");
        Assert.Throws<InvalidOperationException>(() => ResearchExtractor.Extract(new ResearchExtractOptions { DataDir = fx.DataDir, Project = "alpha", OutDir = Path.GetDirectoryName(a.Folder)!, K = 5 }));
        Assert.Throws<ArgumentException>(() => ResearchExtractor.Extract(new ResearchExtractOptions { DataDir = fx.DataDir, Project = "../etc", OutDir = fx.Root }));
    }
}
