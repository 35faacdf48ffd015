using System.Runtime.CompilerServices;

namespace Monitoring.Tests.Warehouse.Support;

/// <summary>A throw-away pseudonym key for in-process pipeline runs of this test assembly (never a real key).</summary>
public static class TestPseudonymKey
{
    public const string Hex = "3c9a5e7f1b2d4c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60";

    [ModuleInitializer]
    internal static void Install() => Environment.SetEnvironmentVariable("MONITORING_PSEUDONYM_KEY", Hex);
}
