using Monitoring.Warehouse.Pseudonyms;
using Monitoring.Etl.Pseudonymize;
using Monitoring.Tests.Etl.Support;

namespace Monitoring.Tests.Etl.Pipeline;

/// <summary>The pseudonymizer against HMAC-SHA256 computed here with System.Security.Cryptography.</summary>
public class PseudonymizerTests
{
    static readonly Pseudonymizer Ours = new(PseudonymKey.FromBytes(TestKey.Bytes));

    [Theory]
    [InlineData("household", "H-000001")]
    [InlineData("person", "P-000009")]
    [InlineData("fiscal_code", "BTTLND16M45L21SZ")]
    [InlineData("operator", "OP-0001")]
    [InlineData("case", "Città d'Ò ünïcode")]
    public void A_pseudonym_is_the_first_16_bytes_of_the_hmac_of_domain_bar_value(string domain, string value)
    {
        var pseudonym = Ours.Pseudonym(domain, value);
        Assert.Equal(ExpectedPseudonym.Of(domain, value), pseudonym);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", pseudonym);
    }

    [Fact]
    public void The_bulk_path_agrees_with_the_single_one_and_domains_keep_equal_ids_apart()
    {
        var ids = Enumerable.Range(0, 1000).Select(i => $"X{i:000000}").ToList();
        var bulk = Ours.PseudonymizeAll("case", ids);
        Assert.Equal(ids.Select(id => ExpectedPseudonym.Of("case", id)), bulk.Select(g => g.ToString()));
        Assert.NotEqual(Ours.Pseudonym("household", "X000001"), Ours.Pseudonym("case", "X000001"));
    }

    [Fact]
    public void A_key_from_the_environment_is_the_one_used()
    {
        var key = PseudonymKey.Resolve(demo: false);
        Assert.Equal(TestKey.Bytes, key.Bytes);
        Assert.Null(key.Warning);
    }
}
