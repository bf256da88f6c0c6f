using ModularGov.PropertyTiers.Contracts;
using ModularGov.SharedKernel.Layout;

namespace ModularGov.PropertyTiers.Views;

// What the console's pages show of compounds and their tiers. Public because the pages (Razor components) that take them are.

/// <summary>A merged compound with the original compounds it was merged from (before → after) and its tier as the tiers grain has it.</summary>
public sealed record MergedCompoundView(CompoundTier Tier, string CommunityName, IReadOnlyList<string> Members, int Households, int OldestBuildYear);

/// <summary>A street's tier changes waiting for a decision, with the names of the compounds they concern.</summary>
public sealed record StreetTierChanges(string Street, string Name, IReadOnlyList<TierChange> Requested, IReadOnlyDictionary<string, string> CompoundNames);
