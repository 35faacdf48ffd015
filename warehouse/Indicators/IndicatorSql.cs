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
    /// select level, territory_code, month, dimension, member, then numerator_k, denominator_k for each indicator k of
    /// the pass: the cells the model's rows reach (sparse; <see cref="IndicatorGrid"/> lays them on the complete grid). Each model row gets its household's
    /// code of every dimension (<see cref="HouseholdMembers"/>, worked out once per run) and the rows are summed in one
    /// GROUPING SETS: the total and one set per dimension, each a hash table of ATS × month × member over small
    /// integers. Sums are taken per ATS first and then rolled up to region and nation (sums of the model's integers
    /// and decimals are exact in any order, and a <c>max</c> roll-up is the maximum over the ATS's sums); a median
    /// needs the rows, so its rows are joined to the roll-up first and grouped per territory.
    /// National preset, 11.6M payment rows: 18 s when each row was unpivoted into 11 (dimension, member) rows of
    /// strings and summed in one GROUP BY; about 4 s in grouping sets over the codes. (On the tiny preset an
    /// 11-set GROUPING SETS over member strings computed per row had cost ~1 s per indicator, which is why it had been
    /// replaced by the unpivot.)
    /// </summary>
    public static string Cells(ModelPass pass, IReadOnlyList<DimensionDefinition> dimensions)
    {
        var indicator = pass.First;   // kind, rollup, months, levels and dimensions are the pass's (ModelPass.Key)
        var model = pass.Model();
        var median = indicator.Kind == "median";
        var max = !median && indicator.Rollup == "max";
        var ks = Enumerable.Range(0, pass.Indicators.Count).ToList();
        bool Counts(int k) => pass.Indicators[k].IsCount;
        var codes = string.Concat(dimensions.Select(d => $",\n           {HouseholdMembers.RowCode(d)} as {HouseholdMembers.Column(d)}"));
        var profileJoin = dimensions.Count > 0 ? $"left join {HouseholdMembers.Table} as h using (household_key)" : "";
        var levels = string.Join(", ", indicator.LevelsOrDefault.Where(l => l != "case_manager").Select(Sql.Literal));
        var measures = string.Join(",\n           ", ks.Select(k =>
            $"{pass.Measure("numerator", k)} as numerator_{k}" + (median || Counts(k) ? "" : $", {pass.Measure("denominator", k)} as denominator_{k}")));

        var head = $"""
            with

            model as (
            {model}
            ),

            months as (
                select month, month_end from dim_month
                where {MonthFilter(indicator)}
            ),

            keyed as (
                select m.ats_code, m.month{codes},
                       {measures}
                from model as m
                join months using (month)
                {profileJoin}
            )
            """;
        if (median)
            return $"""
                {head}

                select * from (
                    select r.level, r.territory_code, k.month, {Decoded(dimensions)},
                           median(k.numerator_0)::double as numerator_0, count(*)::double as denominator_0
                    from keyed as k
                    join dim_ats_rollup as r using (ats_code)
                    where r.level in ({levels})
                    group by {Sets(dimensions, "r.level, r.territory_code, k.month", "k.")}
                )
                where member is not null
                """;
        var sums = string.Join(", ", ks.Select(k =>
            $"sum(numerator_{k}) as numerator_{k}" + (Counts(k) ? "" : $", sum(denominator_{k}) as denominator_{k}")));
        var rollup = max ? "max" : "sum";
        var rolled = string.Join(",\n                   ", ks.Select(k =>
            $"{rollup}(u.numerator_{k})::double as numerator_{k}, " +
            (Counts(k) ? "null::double" : $"{rollup}(u.denominator_{k})::double") + $" as denominator_{k}"));
        return $"""
            {head},

            ats_cells as (
                select ats_code, month, {Decoded(dimensions)},
                       {sums}
                from keyed
                group by {Sets(dimensions, "ats_code, month", "")}
            )

            select r.level, r.territory_code, u.month, u.dimension, u.member,
                   {rolled}
            from ats_cells as u
            join dim_ats_rollup as r using (ats_code)
            where r.level in ({levels}) and u.member is not null
            group by r.level, r.territory_code, u.month, u.dimension, u.member
            """;
    }

    /// <summary>The grouping: the total (<paramref name="keys"/>) and one set per dimension.</summary>
    private static string Sets(IReadOnlyList<DimensionDefinition> dimensions, string keys, string prefix) =>
        dimensions.Count == 0 ? keys
        : $"grouping sets (({keys}){string.Concat(dimensions.Select(d => $", ({keys}, {prefix}{HouseholdMembers.Column(d)})"))})";

    /// <summary>dimension, member of a grouped row: <c>''</c>, <c>''</c> for the total; the member decoded from its
    /// code (null for a value the catalogue does not list, dropped by the caller).</summary>
    private static string Decoded(IReadOnlyList<DimensionDefinition> dimensions)
    {
        if (dimensions.Count == 0) return "'' as dimension, '' as member";
        var when = (Func<DimensionDefinition, string, string>)((d, then) =>
            $"when grouping({HouseholdMembers.Column(d)}) = 0 then {then}");
        return $"""
            case {string.Join(" ", dimensions.Select(d => when(d, Sql.Literal(d.Id))))} else '' end as dimension,
                       case {string.Join(" ", dimensions.Select(d => when(d, HouseholdMembers.MemberOf(d, HouseholdMembers.Column(d)))))} else '' end as member
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
