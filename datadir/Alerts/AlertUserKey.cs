using System.Security.Cryptography;
using System.Text;

namespace Monitoring.DataDir.Alerts;

/// <summary>
/// The name of a user's alert files: the first 128 bits of SHA-256 over the user id claim (OIDC `sub` or `demo:&lt;user&gt;`).
/// A file name never shows the id, and any id — slashes, dots, anything a provider sends — makes a safe name.
/// </summary>
public static class AlertUserKey
{
    public static string Of(string userId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..32];
}
