using System.Globalization;
using Monitoring.Warehouse.DuckDb;
using System.Text.Json;
using Monitoring.Warehouse.StarSchema;

namespace Monitoring.Warehouse.Indicators;

/// <summary>
/// Wraps an indicator's model (which only counts: numerator and denominator, or the median's input, per ATS, month
/// and household) into the statement that sums it per territory of every level and per member of each dimension of
/// the indicator (the cells its rows reach; dimension <c>''</c> / member <c>''</c> is the total). The complete grid
/// and the values are <see cref="IndicatorGrid"/>'s.
/// </summary>
public static class IndicatorSql
{
    /// <summary>The mart every dimension's member expression reads (sql/marts/dim_household_profile.sql).</summary>
    public const string ProfileTable = "dim_household_profile";

    /// <summary>The model's text with its <c>{{param}}</c> constants substituted.</summary>
    public static string Model(string file, IReadOnlyDictionary<string, JsonElement>? parameters)
    {
        var sql = SqlModels.Load($"indicators/{file}");
        foreach (var (name, value) in parameters ?? new Dictionary<string, JsonElement>())
            sql = sql.Replace("{{" + name + "}}", value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText());
        if (sql.Contains("{{", StringComparison.Ordinal))
            throw new InvalidDataException($"indicators/{file}: a {{{{parameter}}}} has no value in the catalogue's params");
        return sql;
    }

    /// <summary>
    /// select level, territory_code, month, dimension, member, numerator, denominator: the cells the model's rows
    /// reach (sparse; <see cref="IndicatorGrid"/> lays them on the complete grid). Each model row is given its
    /// household's member of every dimension, then unpivoted into one row per (dimension, member) beside its total row
    /// (<c>''</c>, <c>''</c>) and aggregated in a plain GROUP BY — a GROUPING SETS of 11 sets cost DuckDB 1.5.6 about
    /// a second per indicator even on the tiny preset (one hash table per set). Sums are taken per ATS first and then
    /// rolled up to region and nation, so the big aggregation's groups are ATS × month × member only; sums of the
    /// model's integers and decimals are exact in any order, so the cells are those of the one-step sum.
    /// </summary>
    public static string Cells(IndicatorDefinition indicator, IReadOnlyList<DimensionDefinition> dimensions)
    {
        var model = Model(indicator.Sql, indicator.Params);
        var columns = dimensions.Select(d => $"d_{d.Id}").ToList();
        var memberColumns = string.Concat(dimensions.Select(d => $",\n           coalesce(({d.MemberSql}), 'unknown') as d_{d.Id}"));
        var profileJoin = dimensions.Count > 0 ? $"left join {ProfileTable} as h using (household_key)" : "";
        var median = indicator.Kind == "median";
        // max (the export's lateness): the maximum over the ATS's sums, as before dimensions; its sums come first.
        var max = !median && indicator.Rollup == "max";
        var measures = median || indicator.IsCount ? "numerator" : "numerator, denominator";
        var keyed = max
            ? $"select m.ats_code, m.month{memberColumns},\n           sum(m.numerator) as numerator{(indicator.IsCount ? "" : ", sum(m.denominator) as denominator")}"
            : $"select m.ats_code, m.month{memberColumns}, {string.Join(", ", measures.Split(", ").Select(c => "m." + c))}";
        // The d_ prefix keeps a member column from shadowing a profile column of the same name; dropped once unpivoted.
        var unpivoted = columns.Count == 0 ? "" : $"""
            select ats_code, month, dimension[3:] as dimension, member, {measures}
                from (unpivot keyed on {string.Join(", ", columns)} into name dimension value member)
                union all

            """;
        var sums = !median && !max;
        var atsCells = sums ? $"""
            ,

            ats_cells as (
                select ats_code, month, dimension, member,
                       sum(numerator) as numerator{(indicator.IsCount ? "" : ", sum(denominator) as denominator")}
                from members
                group by ats_code, month, dimension, member
            )
            """ : "";
        var (numerator, denominator) = median
            ? ("median(u.numerator)::double", "count(*)::double")
            : max ? ("max(u.numerator)::double", indicator.IsCount ? "null::double" : "max(u.denominator)::double")
            : ("sum(u.numerator)::double", indicator.IsCount ? "null::double" : "sum(u.denominator)::double");
        var levels = string.Join(", ", indicator.LevelsOrDefault.Where(l => l != "case_manager").Select(Sql.Literal));

        return $"""
            with

            model as (
            {model}
            ),

            months as (
                select month, month_end from dim_month
                where {MonthFilter(indicator)}
            ),

            keyed as (
                {keyed}
                from model as m
                join months using (month)
                {profileJoin}
                {(max ? "group by all" : "")}
            ),

            members as (
                {unpivoted}select ats_code, month, '' as dimension, '' as member, {measures}
                from keyed
            ){atsCells}

            select r.level, r.territory_code, u.month, u.dimension, u.member,
                   {numerator} as numerator, {denominator} as denominator
            from {(sums ? "ats_cells" : "members")} as u
            join dim_ats_rollup as r using (ats_code)
            where r.level in ({levels})
            group by r.level, r.territory_code, u.month, u.dimension, u.member
            """;
    }

    /// <summary>select level, territory_code, month, dimension, member, numerator, denominator, value at case-manager
    /// level: every case manager active in a month, and any month a model row names them in.</summary>
    public static string CaseManagers(IndicatorDefinition indicator)
    {
        var model = Model(indicator.CaseManagerSql!, indicator.Params);
        return $"""
            with

            model as (
            {model}
            ),

            grid as (
                select operator_key as case_manager_key, month from fct_staffing_monthly
                union
                select m.case_manager_key, m.month from model as m join dim_month using (month)
            )

            select 'case_manager' as level, cast(g.case_manager_key as varchar) as territory_code, g.month,
                   '' as dimension, '' as member,
                   coalesce(m.numerator, 0)::double as numerator, null::double as denominator,
                   coalesce(m.numerator, 0)::double as value
            from grid as g
            left join model as m using (case_manager_key, month)
            """;
    }

    /// <summary>The where clause over dim_month of the months an indicator has rows for (censored ones dropped).</summary>
    internal static string MonthFilter(IndicatorDefinition indicator)
    {
        var filters = new List<string> { "true" };
        if (indicator.Months == "reference")
            filters.Add("month = (select strftime(reference_date, '%Y-%m') from run_meta)");
        if (indicator.CensorDays is { } days)
            filters.Add($"month_end + {days.ToString(CultureInfo.InvariantCulture)} <= (select reference_date from run_meta)");
        return string.Join(" and ", filters);
    }
}
