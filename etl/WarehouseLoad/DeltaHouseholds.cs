using DuckDB.NET.Data;
using Monitoring.Etl.Lake;
using Monitoring.Warehouse.Indicators;

namespace Monitoring.Etl.WarehouseLoad;

/// <summary>
/// The households a delta touches, as they were and as they are: every household of a row the delta carries, of
/// the row it replaces, and of the cases whose events or referrals it carries. The indicators stage takes these
/// households' old cells away and adds their new ones instead of recomputing every household
/// (<see cref="HouseholdDelta"/>). Written only when every table the delta carries is a household's or a case's:
/// a delta of the operators, the ambiti or the budget changes cells no household list describes, and leaves no
/// table (the indicators are then recomputed).
/// </summary>
internal static class DeltaHouseholds
{
    private const string Collected = "delta_households_collected";

    /// <summary>Before the upsert: the households of the rows the delta replaces. False when a table the delta
    /// carries is not a household's or a case's.</summary>
    public static bool CollectBefore(DuckDBConnection landing, IReadOnlyCollection<LakeTable> staged)
    {
        Sql.Exec(landing, $"DROP TABLE IF EXISTS wh.{HouseholdDelta.Table}");
        if (staged.Any(t => Column(landing, t) is null)) return false;
        Sql.Exec(landing, $"CREATE OR REPLACE TEMP TABLE {Collected} (household_key UUID)");
        foreach (var t in staged)
        {
            var on = string.Join(" AND ", t.Key.Select(k => $"p.{k} IS NOT DISTINCT FROM d.{k}"));
            Sql.Exec(landing, Column(landing, t) == "household_key"
                ? $"INSERT INTO {Collected} SELECT p.household_key FROM wh.{t.Table} AS p SEMI JOIN {t.Table} AS d ON {on}"
                : $"INSERT INTO {Collected} SELECT household_key FROM wh.stg_cases WHERE case_key IN (SELECT case_key FROM {t.Table})");
        }
        return true;
    }

    /// <summary>After the upsert: the households of the delta's own rows; writes the table into the warehouse.</summary>
    public static void CollectAfter(DuckDBConnection landing, IReadOnlyCollection<LakeTable> staged)
    {
        foreach (var t in staged)
            Sql.Exec(landing, Column(landing, t) == "household_key"
                ? $"INSERT INTO {Collected} SELECT household_key FROM {t.Table}"
                : $"INSERT INTO {Collected} SELECT household_key FROM wh.stg_cases WHERE case_key IN (SELECT case_key FROM {t.Table})");
        Sql.Exec(landing, $"""
            CREATE TABLE wh.{HouseholdDelta.Table} AS
                SELECT DISTINCT household_key FROM {Collected} WHERE household_key IS NOT NULL;
            DROP TABLE {Collected};
            """);
    }

    /// <summary>A change that is not the households' own (the range of months, the municipality list) drops it.</summary>
    public static void Forget(DuckDBConnection landing) =>
        Sql.Exec(landing, $"DROP TABLE IF EXISTS wh.{HouseholdDelta.Table}");

    /// <summary>household_key, or case_key for a table of a case's rows, or null.</summary>
    private static string? Column(DuckDBConnection landing, LakeTable t)
    {
        var columns = Sql.Scalar<string>(landing,
            $"SELECT string_agg(column_name, ',') FROM duckdb_columns() WHERE database_name = current_database() AND table_name = '{t.Table}'") ?? "";
        var names = columns.Split(',');
        return names.Contains("household_key") ? "household_key" : names.Contains("case_key") ? "case_key" : null;
    }
}
