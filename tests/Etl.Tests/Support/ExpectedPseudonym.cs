using System.Security.Cryptography;
using System.Text;

namespace Monitoring.Tests.Etl.Support;

/// <summary>
/// The pseudonym the contract promises, computed here independently of the etl code:
/// the first 16 bytes of HMAC-SHA256(key, "domain|value") in the RFC 4122 UUID text form
/// (lowercase hex, dashes after the 4th, 6th, 8th and 10th byte).
/// </summary>
public static class ExpectedPseudonym
{
    public static string Of(string domain, string value, string keyHex = TestKey.Hex)
    {
        var mac = HMACSHA256.HashData(Convert.FromHexString(keyHex), Encoding.UTF8.GetBytes($"{domain}|{value}"));
        var hex = Convert.ToHexStringLower(mac);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }
}
