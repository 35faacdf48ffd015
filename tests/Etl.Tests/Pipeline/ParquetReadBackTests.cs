using Monitoring.Tests.Etl.Support;
using Parquet;

namespace Monitoring.Tests.Etl.Pipeline;

/// <summary>The lake read back with Parquet.Net, a different library from the writer (DuckDB): schema of docs/ARCHITECTURE.md, row counts, one month alone.</summary>
[Collection(PipelineRunsCollection.Name)]
public class ParquetReadBackTests(TinyRun run)
{
    const string S = "string", G = "Guid", D = "DateOnly", I = "Int32", M = "Decimal", F = "Double", B = "Boolean";

    /// <summary>docs/ARCHITECTURE.md, "Lake tables": column → .NET type (VARCHAR string, UUID Guid, DATE DateOnly, INT Int32, DECIMAL Decimal, DOUBLE Double, BOOLEAN Boolean).</summary>
    public static readonly Dictionary<string, Dictionary<string, string>> Schema = new()
    {
        ["ambiti"] = new() { ["ats_code"] = S, ["ats_name"] = S, ["region_code"] = S },
        ["ambito_comuni"] = new() { ["ats_code"] = S, ["municipality_code"] = S, ["valid_from"] = D, ["valid_to"] = D },
        ["operators"] = new() { ["operator_key"] = G, ["role"] = S, ["ats_code"] = S, ["active_from"] = D, ["active_to"] = D, ["weekly_hours"] = F },
        ["households"] = new()
        {
            ["household_key"] = G, ["applicant_key"] = G, ["municipality_code"] = S, ["members"] = I, ["minors"] = I, ["members_over_60"] = I,
            ["members_disabled"] = I, ["isee_eur"] = M, ["measure"] = S, ["application_date"] = D, ["benefit_start_date"] = D,
            ["benefit_end_date"] = D, ["pathway"] = S, ["status"] = S,
        },
        ["persons"] = new()
        {
            ["person_key"] = G, ["household_key"] = G, ["fiscal_code_key"] = G, ["birth_year"] = I, ["sex"] = S, ["citizenship"] = S,
            ["relationship"] = S, ["labour_activable"] = B,
        },
        ["cases"] = new()
        {
            ["case_key"] = G, ["household_key"] = G, ["ats_code"] = S, ["case_manager_key"] = G, ["opened_date"] = D, ["closed_date"] = D, ["closure_reason"] = S,
        },
        ["case_events"] = new() { ["event_id"] = S, ["case_key"] = G, ["event_type"] = S, ["event_date"] = D, ["operator_key"] = G, ["outcome"] = S, ["month"] = S },
        ["referrals"] = new() { ["referral_id"] = S, ["case_key"] = G, ["service_type"] = S, ["sent_date"] = D, ["outcome"] = S, ["outcome_date"] = D },
        ["payments"] = new() { ["household_key"] = G, ["period"] = S, ["amount_eur"] = M, ["paid_date"] = D },
        ["budget"] = new() { ["ats_code"] = S, ["year"] = I, ["fund"] = S, ["allocated_eur"] = M, ["committed_eur"] = M, ["spent_eur"] = M },
    };

    // Parquet.Net 6 hands UTF-8 strings out as ReadOnlyMemory<char>.
    static string TypeName(Type t) =>
        t == typeof(ReadOnlyMemory<char>) || t == typeof(string) ? S : (Nullable.GetUnderlyingType(t) ?? t).Name;

    static readonly ParquetOptions Options = new() { UseDateOnlyTypeForDates = true };

    public static TheoryData<string> Tables => new(Schema.Keys);

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task Each_lake_table_has_the_documented_schema_and_all_rows(string table)
    {
        var files = Directory.GetFiles(Path.Combine(run.Lake, table), "*.parquet", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        long rows = 0;
        foreach (var file in files)
        {
            await using var reader = await ParquetReader.CreateAsync(file, Options);
            var actual = reader.Schema.GetDataFields().ToDictionary(f => f.Name, f => TypeName(f.ClrType));
            Assert.Equal(Schema[table].OrderBy(kv => kv.Key), actual.OrderBy(kv => kv.Key));
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                rows += group.RowCount;
            }
        }
        using var wh = Duck.ReadOnly(run.Warehouse);
        Assert.Equal(wh.Count($"SELECT count(*) FROM stg_{table}"), rows);
        Assert.Equal(run.Report.Files[table + ".csv"].Loaded, rows);
    }

    [Fact]
    public async Task One_payment_month_is_read_alone_from_its_partition()
    {
        var folder = Path.Combine(run.Lake, "payments", "period=2026-05");
        Assert.True(Directory.Exists(folder), folder);
        var periods = new List<string>();
        decimal sum = 0;
        foreach (var file in Directory.GetFiles(folder, "*.parquet"))
        {
            await using var reader = await ParquetReader.CreateAsync(file, Options);
            var period = reader.Schema.GetDataFields().Single(f => f.Name == "period");
            var amount = reader.Schema.GetDataFields().Single(f => f.Name == "amount_eur");
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var p = new string[group.RowCount];
                await group.ReadAsync(period, p.AsMemory());
                periods.AddRange(p);
                var a = new decimal?[group.RowCount];
                await group.ReadAsync<decimal>(amount, a.AsMemory());
                sum += a.Sum() ?? 0;
            }
        }
        using var csv = Duck.Memory();
        var source = Duck.ReadCsv(Path.Combine(run.Export, "payments.csv"));
        Assert.Equal(csv.Count($"SELECT count(*) FROM {source} WHERE period = '2026-05'"), periods.Count);
        Assert.All(periods, p => Assert.Equal("2026-05", p));
        Assert.Equal(Convert.ToDecimal(csv.Scalar($"SELECT sum(CAST(amount_eur AS DECIMAL(18,2))) FROM {source} WHERE period = '2026-05'")), sum);
    }
}
