namespace Monitoring.Etl.Lake;

/// <summary>How one staged table is stored in the lake: its key after pseudonymization and its month partition.</summary>
public sealed record LakeTable(string Stem, string[] Key, string? MonthPartition)
{
    public string Table => $"stg_{Stem}";

    public static readonly LakeTable[] All =
    [
        new("ambiti", ["ats_code"], null),
        new("ambito_comuni", ["ats_code", "municipality_code", "valid_from"], null),
        new("operators", ["operator_key"], null),
        new("households", ["household_key"], null),
        new("persons", ["person_key"], null),
        new("cases", ["case_key"], null),
        new("case_events", ["event_id"], "month"),
        new("referrals", ["referral_id"], null),
        new("payments", ["household_key", "period"], "period"),
        new("budget", ["ats_code", "year", "fund"], null),
    ];

    public static LakeTable For(string stem) => All.First(t => t.Stem == stem);

    /// <summary>A DuckDB table function reading this table back from a snapshot's lake.</summary>
    public string ReadSql(string lakeDir) =>
        $"read_parquet({Sql.Literal(Path.Combine(lakeDir, Stem) + "/**/*.parquet")}{(MonthPartition is null ? "" : ", hive_partitioning = false")})";
}
