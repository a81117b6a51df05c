using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrantAid.Tests.Architecture;

/// <summary>The size of a type (all its partial parts together) or of one of its members, in code lines.</summary>
public sealed record SizeMeasure(string Key, bool IsType, int Lines);

/// <summary>
/// Measures C# source with Roslyn's parser (no compilation needed). A code line is a line that holds at least
/// part of a token: blank lines, comment-only lines (documentation comments included) and preprocessor-only
/// lines do not count; a string literal over several lines counts each of them. A type counts the code lines of
/// all its partial parts, without the lines of the types nested in it (they are measured on their own). A member
/// (method, constructor, operator, property or indexer with an expression body, accessor) counts the lines of
/// its whole declaration, local functions and lambdas included. Keys: "Type" for a type ("Outer.Inner" when
/// nested, the namespace below MigrantAid.Web in front when two types share a name) and "Type.Member" for a
/// member ("ctor", "cctor", "Property.get", "this[].set", "operator=="), with the parameter types after
/// the name when a type has several members of that name.
/// </summary>
public static class CodeSize
{
    private const string ProductNamespace = "MigrantAid.Web.";

    public static IReadOnlyList<SizeMeasure> Measure(IEnumerable<string> sources)
    {
        var types = new Dictionary<string, TypeTally>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var root = CSharpSyntaxTree.ParseText(source).GetRoot();
            foreach (var type in root.DescendantNodes().OfType<TypeDeclarationSyntax>())
            {
                var fullName = FullName(type);
                if (!types.TryGetValue(fullName, out var tally))
                {
                    types[fullName] = tally = new TypeTally(fullName, ShortName(type));
                }

                tally.Lines += CodeLines(type, skipNestedTypes: true);
                tally.Members.AddRange(type.Members.SelectMany(Members));
            }
        }

        var ambiguous = types.Values.GroupBy(t => t.ShortName).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return types.Values.SelectMany(t => t.Measures(ambiguous.Contains(t.ShortName) ? Relative(t.FullName) : t.ShortName)).ToList();
    }

    /// <summary>Lines of <paramref name="node"/> that hold part of a token (of the node itself, not of its nested types when asked).</summary>
    public static int CodeLines(SyntaxNode node, bool skipNestedTypes = false)
    {
        var lines = new HashSet<int>();
        var tokens = node.DescendantTokens(child => !skipNestedTypes || child == node || child is not BaseTypeDeclarationSyntax);
        foreach (var token in tokens.Where(t => !t.IsKind(SyntaxKind.EndOfFileToken) && t.Span.Length > 0))
        {
            var span = token.SyntaxTree!.GetLineSpan(token.Span);
            for (var line = span.StartLinePosition.Line; line <= span.EndLinePosition.Line; line++)
            {
                lines.Add(line);
            }
        }

        return lines.Count;
    }

    private static IEnumerable<MemberTally> Members(MemberDeclarationSyntax member) => member switch
    {
        MethodDeclarationSyntax m => [new(m.Identifier.Text + m.TypeParameterList, Parameters(m.ParameterList), CodeLines(m))],
        ConstructorDeclarationSyntax c => [new(c.Modifiers.Any(SyntaxKind.StaticKeyword) ? "cctor" : "ctor", Parameters(c.ParameterList), CodeLines(c))],
        DestructorDeclarationSyntax d => [new("Finalize", "", CodeLines(d))],
        OperatorDeclarationSyntax o => [new("operator" + o.OperatorToken.Text, Parameters(o.ParameterList), CodeLines(o))],
        ConversionOperatorDeclarationSyntax c => [new(c.ImplicitOrExplicitKeyword.Text + "(" + Compact(c.Type) + ")", Parameters(c.ParameterList), CodeLines(c))],
        PropertyDeclarationSyntax p => Accessors(p.Identifier.Text, "", p.ExpressionBody, p.AccessorList),
        IndexerDeclarationSyntax i => Accessors("this[]", Parameters(i.ParameterList), i.ExpressionBody, i.AccessorList),
        EventDeclarationSyntax e => Accessors(e.Identifier.Text, "", null, e.AccessorList),
        _ => [],
    };

    private static IEnumerable<MemberTally> Accessors(string name, string parameters, ArrowExpressionClauseSyntax? body, AccessorListSyntax? accessors)
    {
        if (body is not null)
        {
            return [new(name + ".get", parameters, CodeLines(body.Parent!))];
        }

        return accessors?.Accessors.Select(a => new MemberTally(name + "." + a.Keyword.Text, parameters, CodeLines(a))) ?? [];
    }

    private static string Parameters(BaseParameterListSyntax list) =>
        "(" + string.Join(",", list.Parameters.Select(p => p.Type is null ? "" : Compact(p.Type))) + ")";

    private static string Compact(SyntaxNode node) => string.Concat(node.ToString().Where(c => !char.IsWhiteSpace(c)));

    private static string ShortName(TypeDeclarationSyntax type) =>
        string.Join(".", type.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().Reverse().Select(t => t.Identifier.Text + Arity(t)));

    private static string Arity(TypeDeclarationSyntax type) => type.TypeParameterList is { } list ? Compact(list) : "";

    private static string FullName(TypeDeclarationSyntax type)
    {
        var space = type.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(n => n.Name.ToString());
        return string.Join(".", space.Append(ShortName(type)));
    }

    private static string Relative(string fullName) =>
        fullName.StartsWith(ProductNamespace, StringComparison.Ordinal) ? fullName[ProductNamespace.Length..] : fullName;

    private sealed record MemberTally(string Name, string Parameters, int Lines);

    private sealed class TypeTally(string fullName, string shortName)
    {
        public string FullName { get; } = fullName;

        public string ShortName { get; } = shortName;

        public int Lines { get; set; }

        public List<MemberTally> Members { get; } = [];

        public IEnumerable<SizeMeasure> Measures(string key)
        {
            var overloaded = Members.GroupBy(m => m.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
            return Members
                .Select(m => new SizeMeasure(key + "." + m.Name + (overloaded.Contains(m.Name) ? m.Parameters : ""), false, m.Lines))
                .Prepend(new SizeMeasure(key, true, Lines));
        }
    }
}
