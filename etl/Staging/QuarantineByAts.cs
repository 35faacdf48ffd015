using DuckDB.NET.Data;

namespace Monitoring.Etl.Staging;

/// <summary>
/// Counts, per ATS, the rows this export brought (read) and the rows quarantined, for the data-quality indicator
/// <c>dq_quarantine_rate</c>. A row's ATS is its own <c>ats_code</c> (ambiti, memberships, operators, cases, budget),
/// its case's (events, referrals), or its household's municipality's latest membership (households, persons,
/// payments). <see cref="Count"/> runs on each file while its raw rows are still in the landing database (they are
/// dropped right after staging), keeping small id → ATS maps for the files that follow; <see cref="Write"/> puts the
/// totals into the warehouse and drops the maps. Everything stays in the in-memory landing database. A row that
/// cannot be placed (a malformed record, a code that resolves nowhere, a delta without the file to look it up in)
/// counts in no ATS.
/// </summary>
public static class QuarantineByAts
{
    public static void Count(DuckDBConnection landing, string stem)
    {
        bool Has(string name) => Sql.Scalar<long>(landing,
            $"SELECT (SELECT count(*) FROM duckdb_views() WHERE view_name = '{name}') + (SELECT count(*) FROM duckdb_tables() WHERE table_name = '{name}')") > 0;
        if (!Has($"raw_{stem}")) return;
        // Maps for the files that come later (files are handled in dependency order).
        if (stem == "ambito_comuni")
            Sql.Exec(landing, "CREATE OR REPLACE TABLE qmap_municipality AS SELECT municipality_code, arg_max(ats_code, valid_from) AS ats_code FROM raw_ambito_comuni GROUP BY 1");
        if (stem == "cases")
            Sql.Exec(landing, "CREATE OR REPLACE TABLE qmap_case AS SELECT case_id, any_value(ats_code) AS ats_code FROM raw_cases GROUP BY 1");
        if (stem == "households" && Has("qmap_municipality"))
            Sql.Exec(landing, "CREATE OR REPLACE TABLE qmap_household AS SELECT h.household_id, any_value(m.ats_code) AS ats_code FROM raw_households AS h JOIN qmap_municipality AS m USING (municipality_code) GROUP BY 1");

        var (ats, join) = stem switch
        {
            "ambiti" or "ambito_comuni" or "operators" or "cases" or "budget" => ("r.ats_code", ""),
            "case_events" or "referrals" when Has("qmap_case") => ("p.ats_code", "LEFT JOIN qmap_case AS p ON p.case_id = r.case_id"),
            "households" or "persons" or "payments" when Has("qmap_household") => ("p.ats_code", "LEFT JOIN qmap_household AS p ON p.household_id = r.household_id"),
            _ => ((string?)null, ""),
        };
        if (ats is null) return;
        var bad = Has($"bad_{stem}") ? $"LEFT JOIN (SELECT DISTINCT _row FROM bad_{stem}) AS b ON b._row = r._row" : "LEFT JOIN (SELECT NULL::BIGINT AS _row WHERE false) AS b ON false";
        Sql.Exec(landing, $"""
            CREATE TABLE IF NOT EXISTS qcount (ats_code VARCHAR, "read" BIGINT, quarantined BIGINT);
            INSERT INTO qcount
            SELECT {ats}, count(*), count(*) FILTER (WHERE b._row IS NOT NULL)
            FROM raw_{stem} AS r {join} {bad}
            WHERE {ats} IS NOT NULL GROUP BY 1;
            """);
    }

    /// <summary>Writes <c>wh.quarantine_by_ats</c>(ats_code, read, quarantined) and drops the maps.</summary>
    public static void Write(DuckDBConnection landing)
    {
        Sql.Exec(landing, """
            CREATE TABLE IF NOT EXISTS qcount (ats_code VARCHAR, "read" BIGINT, quarantined BIGINT);
            CREATE OR REPLACE TABLE wh.quarantine_by_ats AS
            SELECT ats_code, sum("read")::BIGINT AS "read", sum(quarantined)::BIGINT AS quarantined FROM qcount GROUP BY 1;
            DROP TABLE qcount; DROP TABLE IF EXISTS qmap_municipality; DROP TABLE IF EXISTS qmap_case; DROP TABLE IF EXISTS qmap_household;
            """);
    }
}
