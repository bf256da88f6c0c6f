using ModularGov.Host.Storage;
using ModularGov.Host.Tests.Infrastructure;

namespace ModularGov.Host.Tests.Storage;

public sealed class DataDirectoryLockTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void A_second_lock_on_the_same_directory_is_refused_until_the_first_is_released()
    {
        using (DataDirectoryLock.Acquire(_folder.Path))
        {
            var refused = Should.Throw<DataDirectoryInUseException>(() => DataDirectoryLock.Acquire(_folder.Path));
            refused.Message.ShouldContain(_folder.Path);
            refused.Message.ShouldContain($"pid {Environment.ProcessId}");
        }
        using (DataDirectoryLock.Acquire(_folder.Path))
        {
        }
    }

    [Fact]
    public void Different_directories_lock_independently()
    {
        using var first = DataDirectoryLock.Acquire(_folder.Sub("a"));
        using var second = DataDirectoryLock.Acquire(_folder.Sub("b"));
        second.Directory.ShouldBe(_folder.Sub("b"));
    }

    public void Dispose() => _folder.Dispose();
}
