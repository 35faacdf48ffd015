using Monitoring.Warehouse.Pseudonyms;
using System.Runtime.CompilerServices;
using Monitoring.Etl.Pseudonymize;

namespace Monitoring.Tests.Etl.Support;

/// <summary>
/// The pseudonym key of every in-process run of this test assembly, set once before any test runs
/// (test classes run in parallel, so no test may change it). Runs never fall back to the home
/// folder's demo key; a test that needs another key runs the etl in a child process.
/// </summary>
public static class TestKey
{
    public const string Hex = "7d1f0c5b9e2a48d3a6c4b0e8f1d2c3b4a5968778695a4b3c2d1e0f1a2b3c4d5e";
    public const string OtherHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    public static byte[] Bytes => Convert.FromHexString(Hex);

    [ModuleInitializer]
    internal static void Install() => Environment.SetEnvironmentVariable(PseudonymKey.EnvKey, Hex);
}
