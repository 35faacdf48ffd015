namespace Monitoring.Dashboards.Queries;

/// <summary>The indicator catalogue as a table (public: it describes, it holds no data).</summary>
public sealed class GlossaryQueries(MetaQueries meta)
{
    public Grid Catalogue(UserScope scope, PanelFilter f)
    {
        var lang = f.Lang;
        var yes = Labels.T(lang, "yes");
        var no = Labels.T(lang, "no");
        return new Grid("glossary",
            [Columns.Of(lang, "indicator_id"), Columns.Of(lang, "name"), Columns.Of(lang, "description"), Columns.Of(lang, "level"),
             Columns.Of(lang, "pillar"), Columns.Of(lang, "unit"), Columns.Of(lang, "higher_is_better"), Columns.Of(lang, "min_denominator", "number"),
             Columns.Of(lang, "is_public")],
            meta.Catalogue().Select(i => new object?[] { i.Id, i.Name(lang), i.Description(lang), i.LogframeLevel, i.Pillar, i.Unit,
                i.HigherIsBetter ? yes : no, i.MinDenominator, i.IsPublic ? yes : no }).ToList());
    }
}
