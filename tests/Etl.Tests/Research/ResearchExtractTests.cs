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

    /// <summary>
    /// The intruder's join, written here from the files alone: a household's combined key is its row's key variables,
    /// the area and opening period of each of its cases, and the age bands of all its members; a person's adds their
    /// own age band, sex and citizenship. Returns (smallest household class, household uniques, household classes,
    /// smallest person class, person uniques).
    /// </summary>
    static (long MinHousehold, long HouseholdUniques, long HouseholdClasses, long MinPerson, long PersonUniques) Attack(Duck d, ExtractReport r)
    {
        d.Exec($"""
            create or replace table attack_hh as
            with h as (select * from read_parquet({Pq(r, "households")})),
            c as (select household_pid, list_sort(list(coalesce(area_code, '~') || '@' || coalesce(opened_period, '~'))) as cases from read_parquet({Pq(r, "cases")}) group by all),
            p as (select household_pid, list_sort(list(coalesce(age_band, '~'))) as members from read_parquet({Pq(r, "persons")}) group by all)
            select h.household_pid, h.area_code, h.household_size, h.has_minors, h.isee_band, h.measure, h.pathway, h.status,
                   h.application_period, h.benefit_start_period, h.benefit_end_period, coalesce(c.cases, []) as cases, coalesce(p.members, []) as members
            from h left join c using (household_pid) left join p using (household_pid)
            """);
        const string hhKey = "area_code, household_size, has_minors, isee_band, measure, pathway, status, application_period, benefit_start_period, benefit_end_period, cases, members";
        var hh = d.Rows($"select min(n), count(*) filter (where n = 1), count(*) from (select count(*) n from attack_hh group by {hhKey})").Single();
        var person = d.Rows($"""
            select min(n), count(*) filter (where n = 1) from (
                select count(*) n from read_parquet({Pq(r, "persons")}) as p join attack_hh as h using (household_pid)
                group by {string.Join(", ", hhKey.Split(", ").Select(c => "h." + c))}, p.age_band, p.sex, p.citizenship)
            """).Single();
        return (long.Parse(hh[0]!), long.Parse(hh[1]!), long.Parse(hh[2]!), long.Parse(person[0]!), long.Parse(person[1]!));
    }

    [Fact]
    public void Joining_the_written_files_on_every_key_variable_singles_out_no_household_and_no_person()
    {
        var r = Extract("alpha");
        using var d = Duck.Memory();
        var (minHousehold, householdUniques, householdClasses, minPerson, personUniques) = Attack(d, r);
        Assert.True(minHousehold >= 5, $"a household class has {minHousehold} records");
        Assert.Equal(0, householdUniques);
        Assert.True(minPerson >= 5, $"a person class has {minPerson} records");
        Assert.Equal(0, personUniques);

        // The report states what the files show: the smallest class, and the expected re-identifications (Σ 1/f_k = the classes).
        Assert.Equal(minHousehold, r.Anonymity.Single(a => a.Table == "households").AchievedK);
        var released = r.RiskAfter.Single(x => x.Table == "households");
        Assert.Equal(householdClasses, released.Classes);
        Assert.Equal(householdClasses, released.ExpectedReidentifications, 6);
        Assert.Equal(0, released.Uniques);
        Assert.True(released.MaxIndividualRisk <= 1.0 / 5);
        // and the risk was real before: the ungeneralized keys single out most households of the tiny export
        Assert.True(r.RiskBefore.Single(x => x.Table == "households").Uniques > 0);
        var note = File.ReadAllText(Path.Combine(r.Folder, "release-note.md"));
        Assert.Contains("expected re-identifications", note);
        Assert.Contains($"| households | released | {released.Records:N0} | {released.Classes:N0} | 0 | 0 |", note);

        // Nothing dropped silently, and a suppressed household leaves no trace in any linked file.
        d.Exec($"attach {Duck.Lit(fx.WarehouseFile)} as wh (read_only)");
        var a = r.Anonymity.Single(x => x.Table == "households");
        Assert.Equal(d.Count("select count(*) from wh.stg_households"), d.Count($"select count(*) from read_parquet({Pq(r, "households")})") + a.Suppressed);
        foreach (var (table, column, parent, parentColumn) in new[]
        {
            ("persons", "household_pid", "households", "household_pid"), ("cases", "household_pid", "households", "household_pid"),
            ("payments", "household_pid", "households", "household_pid"), ("events", "case_pid", "cases", "case_pid"), ("referrals", "case_pid", "cases", "case_pid"),
        })
        {
            Assert.True(d.Count($"select count(*) from read_parquet({Pq(r, table)})") > 0, table);
            Assert.Equal(0, d.Count($"select count(*) from read_parquet({Pq(r, table)}) x anti join read_parquet({Pq(r, parent)}) y on x.{column} = y.{parentColumn}"));
        }
    }

    [Fact]
    public void No_file_holds_an_exact_date_so_ats_opening_date_and_household_size_cannot_be_joined()
    {
        var r = Extract("alpha");
        using var d = Duck.Memory();
        foreach (var t in ExtractTables.All)
        {
            var types = d.Rows($"select column_name, column_type from (describe select * from read_parquet({Pq(r, t.Name)}))");
            Assert.DoesNotContain(types, c => c[1]!.Contains("DATE") || c[1]!.Contains("TIMESTAMP"));
            Assert.DoesNotContain(types, c => c[0]!.EndsWith("_date"));
        }
        // periods are periods: the cases' opening period has no day in it
        Assert.Equal(0, d.Count($"select count(*) from read_parquet({Pq(r, "cases")}) where regexp_matches(coalesce(opened_period, ''), '\\d{{4}}-\\d{{2}}-\\d{{2}}')"));
    }

    [Fact]
    public void The_extract_has_a_datapackage_the_frictionless_validator_accepts_and_every_file_is_in_it_and_in_the_codebook()
    {
        var r = Extract("alpha");
        var report = ReleaseValidators.Run(r.Folder);
        Assert.Empty(report["frictionless"]!["errors"]!.AsArray().Select(e => (string)e!));
        Assert.True((bool)report["frictionless"]!["valid"]!);
        var pkg = JsonNode.Parse(File.ReadAllText(Path.Combine(r.Folder, "datapackage.json")))!;
        var paths = pkg["resources"]!.AsArray().Select(x => (string)x!["path"]!).ToHashSet();
        var codebook = File.ReadAllText(Path.Combine(r.Folder, "codebook.md"));
        foreach (var file in Directory.GetFiles(r.Folder, "*.parquet").Select(Path.GetFileName))
        {
            Assert.Contains(file!, paths);
            Assert.Contains($"`{file}`", codebook);
        }
        Assert.Equal(["households", "persons", "cases", "events", "referrals", "payments", "budget"], ExtractTables.All.Select(t => t.Name));
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
            ("referrals", "referral_pid", "select referral_id as k from wh.stg_referrals"),
            ("payments", "household_pid", "select replace(household_key::varchar, '-', '') as k from wh.stg_households"),
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
