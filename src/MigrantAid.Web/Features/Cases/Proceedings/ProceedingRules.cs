using MigrantAid.Web.Domain.Proceedings;

namespace MigrantAid.Web.Features.Cases.Proceedings;

/// <summary>A proceeding as the chain rules see it.</summary>
public sealed record ProceedingLink(Guid Id, Guid? ChallengesId, CourtInstance Instance, string Jurisdiction, DateOnly OpenedOn);

/// <summary>Why a proceeding may not challenge the one chosen (or be challenged as it is).</summary>
public enum ChallengeProblem
{
    None,
    NotOnCase,
    Itself,
    FirstInstanceChallenges,
    NotLowerInstance,
    OtherCountry,
    OpensBeforeChallenged,
    Circle,
}

/// <summary>
/// The rules of a chain of instances: an appeal, cassation or other review challenges a proceeding of a lower
/// instance (the enum's order is the courts' hierarchy), of the same country and case, opened no later than it.
/// </summary>
public static class ProceedingRules
{
    /// <summary>Checks that a proceeding (new: <paramref name="self"/> has an id not yet stored) may challenge <paramref name="challengedId"/>.</summary>
    public static ChallengeProblem CheckChallenge(ProceedingLink self, Guid? challengedId, IReadOnlyCollection<ProceedingLink> caseProceedings)
    {
        if (challengedId is not { } target)
        {
            return ChallengeProblem.None;
        }

        if (target == self.Id)
        {
            return ChallengeProblem.Itself;
        }

        var byId = caseProceedings.Where(p => p.Id != self.Id).ToDictionary(p => p.Id);
        if (!byId.TryGetValue(target, out var challenged))
        {
            return ChallengeProblem.NotOnCase;
        }

        if (self.Instance == CourtInstance.FirstInstance)
        {
            return ChallengeProblem.FirstInstanceChallenges;
        }

        if (challenged.Instance >= self.Instance)
        {
            return ChallengeProblem.NotLowerInstance;
        }

        if (!string.Equals(challenged.Jurisdiction, self.Jurisdiction, StringComparison.Ordinal))
        {
            return ChallengeProblem.OtherCountry;
        }

        if (self.OpenedOn < challenged.OpenedOn)
        {
            return ChallengeProblem.OpensBeforeChallenged;
        }

        // Walking down from the challenged proceeding must never come back to this one.
        var seen = new HashSet<Guid>();
        for (var at = challenged; at.ChallengesId is { } next && seen.Add(at.Id);)
        {
            if (next == self.Id)
            {
                return ChallengeProblem.Circle;
            }

            if (!byId.TryGetValue(next, out at!))
            {
                break;
            }
        }

        return ChallengeProblem.None;
    }

    /// <summary>Checks the proceedings that challenge this one against its (changed) instance, country and opening date.</summary>
    public static ChallengeProblem CheckChallengers(ProceedingLink self, IReadOnlyCollection<ProceedingLink> caseProceedings)
    {
        foreach (var challenger in caseProceedings.Where(p => p.ChallengesId == self.Id && p.Id != self.Id))
        {
            if (challenger.Instance <= self.Instance)
            {
                return ChallengeProblem.NotLowerInstance;
            }

            if (!string.Equals(challenger.Jurisdiction, self.Jurisdiction, StringComparison.Ordinal))
            {
                return ChallengeProblem.OtherCountry;
            }

            if (challenger.OpenedOn < self.OpenedOn)
            {
                return ChallengeProblem.OpensBeforeChallenged;
            }
        }

        return ChallengeProblem.None;
    }

    /// <summary>
    /// The case's proceedings as chains: each proceeding that challenges none (or one no longer there) starts a
    /// chain, followed depth-first by those challenging it (lower instance first, then by opening date).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<(T Item, int Level)>> Chains<T>(IReadOnlyList<T> items, Func<T, ProceedingLink> link)
    {
        var links = items.Select(i => (Item: i, Link: link(i))).ToList();
        var ids = links.Select(x => x.Link.Id).ToHashSet();
        var children = links.Where(x => x.Link.ChallengesId is { } c && ids.Contains(c) && c != x.Link.Id)
            .ToLookup(x => x.Link.ChallengesId!.Value);
        var placed = new HashSet<Guid>();
        var chains = new List<IReadOnlyList<(T, int)>>();

        void Walk((T Item, ProceedingLink Link) node, int level, List<(T, int)> chain)
        {
            if (!placed.Add(node.Link.Id))
            {
                return;
            }

            chain.Add((node.Item, level));
            foreach (var child in children[node.Link.Id].OrderBy(c => c.Link.Instance).ThenBy(c => c.Link.OpenedOn).ThenBy(c => c.Link.Id))
            {
                Walk(child, level + 1, chain);
            }
        }

        var roots = links.Where(x => x.Link.ChallengesId is not { } c || !ids.Contains(c) || c == x.Link.Id)
            .OrderBy(x => x.Link.OpenedOn).ThenBy(x => x.Link.Instance).ThenBy(x => x.Link.Id);
        foreach (var root in roots)
        {
            var chain = new List<(T, int)>();
            Walk(root, 0, chain);
            chains.Add(chain);
        }

        // Stored data with a circle has no root: show those proceedings anyway, each as its own chain.
        foreach (var left in links.Where(x => !placed.Contains(x.Link.Id)).OrderBy(x => x.Link.OpenedOn))
        {
            var chain = new List<(T, int)>();
            Walk(left, 0, chain);
            chains.Add(chain);
        }

        return chains;
    }
}
