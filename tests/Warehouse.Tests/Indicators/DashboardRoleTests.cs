using System.Text.Json.Nodes;
using Monitoring.Warehouse.Indicators;

namespace Monitoring.Tests.Warehouse.Indicators;

/// <summary>
/// The catalogue's dashboard roles and member names (issue 14: no indicator id in the dashboards' code): the shipped
/// catalogue gives every role to exactly one indicator and names every member in both languages; a catalogue that gives a
/// role twice, an unknown role, or names a member it does not have is refused when it loads.
/// </summary>
public sealed class DashboardRoleTests
{
    private static string Shipped() => File.ReadAllText(Monitoring.Warehouse.StarSchema.SqlModels.PathOf(IndicatorCatalogue.RelativePath));

    [Fact]
    public void The_shipped_catalogue_gives_every_role_to_one_indicator_and_names_every_member()
    {
        var catalogue = IndicatorCatalogue.Load();
        foreach (var role in IndicatorCatalogue.DashboardRoleNames)
            Assert.Single(catalogue.Indicators, i => i.DashboardRoles?.Contains(role) == true);
        // The dimension picker's default is published by the measure dimension (the series by measure reads it).
        Assert.NotEmpty(catalogue.DimensionsOf(catalogue.Indicators.Single(i => i.DashboardRoles?.Contains("dimension_default") == true))
            .Where(d => d.Id == "measure"));
        foreach (var d in catalogue.Dimensions)
            foreach (var m in d.Members)
            {
                Assert.True(d.MemberNamesIt?.ContainsKey(m) == true, $"{d.Id}/{m}: no Italian name");
                Assert.True(d.MemberNamesEn?.ContainsKey(m) == true, $"{d.Id}/{m}: no English name");
            }
    }

    [Fact]
    public void A_role_on_two_indicators_an_unknown_role_or_a_name_for_no_member_is_refused()
    {
        JsonObject Edited(Action<JsonObject> edit)
        {
            var json = JsonNode.Parse(Shipped())!.AsObject();
            edit(json);
            return json;
        }
        JsonObject Indicator(JsonObject json, int i) => json["indicators"]!.AsArray()[i]!.AsObject();

        var twice = Edited(j => { Indicator(j, 0)["dashboard_roles"] = new JsonArray("residents"); Indicator(j, 1)["dashboard_roles"] = new JsonArray("residents"); });
        Assert.Contains("dashboard role residents: on more than one indicator",
            Assert.Throws<InvalidDataException>(() => IndicatorCatalogue.Parse(twice.ToJsonString())).Message);

        var unknown = Edited(j => Indicator(j, 0)["dashboard_roles"] = new JsonArray("favourite"));
        Assert.Contains("unknown dashboard role 'favourite'", Assert.Throws<InvalidDataException>(() => IndicatorCatalogue.Parse(unknown.ToJsonString())).Message);

        var noMember = Edited(j => j["dimensions"]!.AsArray()[0]!.AsObject()["member_names_en"] = new JsonObject { ["XYZ"] = "nobody" });
        Assert.Contains("member_names name 'XYZ', not a member",
            Assert.Throws<InvalidDataException>(() => IndicatorCatalogue.Parse(noMember.ToJsonString())).Message);
    }
}
