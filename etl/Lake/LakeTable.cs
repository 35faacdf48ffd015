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

    /// <summary>The folder of this table inside a snapshot's lake.</summary>
    public string Dir(string lakeDir) => Path.Combine(lakeDir, Stem);

    /// <summary>
    /// The table's rows as a snapshot's lake holds them, as a relation for <c>FROM</c>: the one reader every reader
    /// uses, so every reader applies the same rule. The files are those of its manifest (each checked first, see
    /// <see cref="LakeFileCheck"/>); when a delta added files, a row of a later run replaces the row with the same
    /// key of an earlier one (last writer wins; keys compared with NULL equal to NULL, as the warehouse's upsert
    /// does). A delta never deletes, so no row is ever removed by a later file.
    /// </summary>
    public string ReadSql(string lakeDir)
    {
        var dir = Dir(lakeDir);
        var manifest = Verify(lakeDir);
        var parts = manifest.Parts();
        // No file at all (a month-partitioned table with no row writes none): read as before manifests, which fails
        // naming the folder; the publish guard counts such a table as empty without reading it.
        if (parts.Count == 0) return $"read_parquet({Sql.Literal(dir + "/**/*.parquet")}, hive_partitioning = false)";
        if (parts.Count == 1) return Read(dir, parts[0]);
        // Each row tagged with the order of the run that wrote it; the newest run per key, from the delta files
        // alone (small), decides which rows survive — the base is scanned once and probed against that.
        var tagged = string.Join(" UNION ALL BY NAME ", parts.Select((p, i) => $"SELECT *, {i} AS lake_part FROM {Read(dir, p)}"));
        var keys = string.Join(", ", Key);
        var newest = string.Join(" UNION ALL ", parts.Select((p, i) => (p, i)).Skip(1).Select(x => $"SELECT {keys}, {x.i} AS lake_part FROM {Read(dir, x.p)}"));
        var on = string.Join(" AND ", Key.Select(k => $"r.{k} IS NOT DISTINCT FROM n.{k}"));
        return $"""
            (SELECT r.* EXCLUDE (lake_part) FROM ({tagged}) AS r
             LEFT JOIN (SELECT {keys}, max(lake_part) AS lake_part FROM ({newest}) GROUP BY ALL) AS n ON {on}
             WHERE n.lake_part IS NULL OR r.lake_part = n.lake_part)
            """;
    }

    /// <summary>This table's manifest in a snapshot's lake, every file it lists checked (<see cref="LakeFileCheck"/>).</summary>
    public LakeManifest Verify(string lakeDir)
    {
        var dir = Dir(lakeDir);
        var manifest = LakeManifest.Load(this, dir);
        foreach (var file in manifest.Files) LakeFileCheck.Verify(dir, file);
        return manifest;
    }

    /// <summary>The files one run wrote; partition columns are inside the files, so hive folders are not decoded.</summary>
    static string Read(string dir, IEnumerable<LakeFile> files) =>
        $"read_parquet([{string.Join(", ", files.Select(f => Sql.Literal(Path.Combine(dir, f.Path))))}], hive_partitioning = false, union_by_name = true)";
}
