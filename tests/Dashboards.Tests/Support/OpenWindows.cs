using Microsoft.Playwright;

namespace Monitoring.Tests.Dashboards;

/// <summary>
/// The browser contexts (windows) a shared fixture opened for the test in progress. Each is a renderer process of
/// 100-200 MB that stayed open until the fixture's browser closed: 60 of them by the middle of the "app" collection.
/// </summary>
public sealed class OpenWindows
{
    private readonly List<IBrowserContext> _open = [];

    public IBrowserContext Track(IBrowserContext context)
    {
        lock (_open) _open.Add(context);
        // A window the test closed itself leaves the list.
        context.Close += (_, closed) => { lock (_open) _open.Remove(closed); };
        return context;
    }

    /// <summary>Closes every window opened since the last call and still open.</summary>
    public async Task CloseAllAsync()
    {
        IBrowserContext[] open;
        lock (_open) { open = [.. _open]; _open.Clear(); }
        foreach (var context in open) await context.CloseAsync();
    }
}

/// <summary>
/// A test class whose tests open windows through a shared fixture: they are closed when each test ends (xunit makes
/// one instance of the class per test and disposes it after), so no test sees or pays for another's windows.
/// </summary>
public abstract class BrowserTest(OpenWindows windows) : IAsyncLifetime
{
    public virtual Task InitializeAsync() => Task.CompletedTask;
    public virtual Task DisposeAsync() => windows.CloseAllAsync();
}
