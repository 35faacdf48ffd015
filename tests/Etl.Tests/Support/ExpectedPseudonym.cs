using System.Security.Cryptography;
using System.Text;

namespace Monitoring.Tests.Etl.Support;

/// <summary>
/// The pseudonym the contract promises, computed here independently of the etl code:
/// lowercase hex of the first 16 bytes of HMAC-SHA256(key, "domain|value").
/// </summary>
public static class ExpectedPseudonym
{
    public static string Of(string domain, string value, string keyHex = TestKey.Hex)
    {
        var mac = HMACSHA256.HashData(Convert.FromHexString(keyHex), Encoding.UTF8.GetBytes($"{domain}|{value}"));
        return Convert.ToHexStringLower(mac)[..32];
    }
}
