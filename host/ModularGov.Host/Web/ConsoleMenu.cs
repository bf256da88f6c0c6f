using ModularGov.SharedKernel.Access;
using ModularGov.SharedKernel.Modules;
using ModularGov.SharedKernel.Web;

namespace ModularGov.Host.Web;

/// <summary>The console's menu: the host's own entries and every module's, in section order, filtered by each entry's rule.</summary>
internal sealed class ConsoleMenu(IReadOnlyList<MenuEntry> entries) : IConsoleMenu
{
    public static ConsoleMenu Of(IEnumerable<IModule> modules) => new([.. HostEntries, .. modules.SelectMany(m => m.Menu)]);

    private static readonly MenuEntry[] HostEntries =
    [
        new("首页", "首页", _ => "/", Order: 0),
        .. Audit.AuditPages.Menu,
    ];

    public IReadOnlyList<MenuLink> For(AccessIdentity caller) =>
        entries.OrderBy(e => e.Order).Select(e => e.LinkFor(caller) is { } href ? new MenuLink(e.Section, e.Title, href) : null).OfType<MenuLink>().ToList();
}
