using Monitoring.Tools.LoadTest;

namespace Monitoring.Tests.Tools.LoadTest;

/// <summary>The load tester measures our own app on this machine: anything but loopback, or out of bounds, is refused.</summary>
public sealed class LoadTestOptionsTests
{
    [Theory]
    [InlineData("http://10.0.0.1:5080/public")]
    [InlineData("http://example.org/public")]
    [InlineData("http://192.168.1.10/public")]
    [InlineData("ftp://127.0.0.1/public")]
    public void Load_test_refuses_anything_but_loopback(string url)
    {
        Assert.Null(LoadTestOptions.Parse(["--url", url], out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void Load_test_accepts_loopback_within_bounds()
    {
        Assert.NotNull(LoadTestOptions.Parse(["--url", "http://127.0.0.1:5080/public"], out _));
        Assert.NotNull(LoadTestOptions.Parse(["--url", "http://[::1]:5080/public"], out _));
        Assert.NotNull(LoadTestOptions.Parse(["--url", "http://localhost:5080/public"], out _));
        Assert.Null(LoadTestOptions.Parse(["--url", "http://127.0.0.1:5080/public", "--seconds", "100000"], out _));
        Assert.Null(LoadTestOptions.Parse(["--url", "http://127.0.0.1:5080/public", "--connections", "0"], out _));
    }
}
