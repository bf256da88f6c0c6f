using ModularGov.SharedKernel.Access;

namespace ModularGov.SharedKernel.Web;

/// <summary>
/// A console menu entry a module declares: its section (the menu's heading, e.g. 街道), its title, and where it leads for a
/// caller, or null when the caller's role and scope do not see it. The entry follows the same rule as the page it opens, so a
/// menu never shows a page that would answer 403.
/// </summary>
public sealed record MenuEntry(string Section, string Title, Func<AccessIdentity, string?> LinkFor, int Order = 100);

/// <summary>A menu entry as one caller sees it.</summary>
public sealed record MenuLink(string Section, string Title, string Href);

/// <summary>Every module's menu entries, gathered by the host; the console's layout and home page ask it what a caller sees.</summary>
public interface IConsoleMenu
{
    IReadOnlyList<MenuLink> For(AccessIdentity caller);
}
