using System.Reflection;
using MigrantAid.Web.Domain.Cases;
using NetArchTest.Rules;

namespace MigrantAid.Tests.Architecture;

/// <summary>
/// The dependency rules of docs/architecture.md, read from the compiled portal (IL, Razor views included), so a new
/// arrow fails here whatever the using lines say: Domain uses nothing of the project; Data only Domain; a feature area
/// uses no other area except Shared; nothing in the portal uses the tools.
/// </summary>
public sealed class DependencyRulesTests
{
    private const string Root = "MigrantAid.Web";
    private const string FeatureRoot = Root + ".Features";

    /// <summary>Razor compiles a view at Features/Cases/Show.cshtml into this namespace as Features_Cases_Show.</summary>
    private const string ViewNamespace = "AspNetCoreGeneratedDocument";

    private static readonly Assembly Portal = typeof(Case).Assembly;

    public static TheoryData<string> Areas()
    {
        var data = new TheoryData<string>();
        foreach (var area in FeatureAreas())
        {
            data.Add(area);
        }

        return data;
    }

    [Fact]
    public void The_areas_are_found_in_the_compiled_portal()
    {
        FeatureAreas().Should().Contain(["Cases", "Clients", "Desk", "Intake", "International", "Shared"],
            "the rules below would check nothing if the areas were not read from the assembly");
    }

    [Fact]
    public void The_check_sees_a_dependency_that_exists()
    {
        var cases = Types.InAssembly(Portal).That().ResideInNamespace($"{FeatureRoot}.Cases")
            .And().HaveDependencyOnAny($"{FeatureRoot}.Shared").GetTypes();
        var views = Types.InAssembly(Portal).That().ResideInNamespace(ViewNamespace).And().HaveNameStartingWith("Features_Cases_")
            .And().HaveDependencyOnAny($"{FeatureRoot}.Shared").GetTypes();

        var domain = Types.InAssembly(Portal).That().ResideInNamespace(Root + ".Domain").GetTypes().Select(t => t.ReflectionType);

        domain.Should().Contain(typeof(Case), "a namespace selects its sub-namespaces too (Domain.Cases here)");
        cases.Should().NotBeEmpty("the case handlers use the kernel, so a rule that found nothing would be blind");
        views.Should().NotBeEmpty("the case views use the kernel's partial models and texts");
    }

    [Fact]
    public void Domain_uses_nothing_of_the_project()
    {
        var result = Types.InAssembly(Portal).That().ResideInNamespace(Root + ".Domain")
            .ShouldNot().HaveDependencyOnAny(Root + ".Data", Root + ".Security", Root + ".Infrastructure", FeatureRoot, "MigrantAid.Tools")
            .GetResult();

        Failures(result).Should().BeEmpty("the domain is the legal arithmetic and rules, free of storage and web");
    }

    [Fact]
    public void Data_uses_only_the_domain()
    {
        var result = Types.InAssembly(Portal).That().ResideInNamespace(Root + ".Data")
            .ShouldNot().HaveDependencyOnAny(Root + ".Security", Root + ".Infrastructure", FeatureRoot, "MigrantAid.Tools")
            .GetResult();

        Failures(result).Should().BeEmpty("storage knows the domain and nothing above it");
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public void A_feature_area_uses_no_other_area_but_Shared(string area)
    {
        var others = FeatureAreas().Where(a => a != area && a != "Shared").Select(a => $"{FeatureRoot}.{a}").ToArray();

        var code = Types.InAssembly(Portal).That().ResideInNamespace($"{FeatureRoot}.{area}")
            .ShouldNot().HaveDependencyOnAny(others).GetResult();
        var views = Types.InAssembly(Portal).That().ResideInNamespace(ViewNamespace).And().HaveNameStartingWith($"Features_{area}_")
            .ShouldNot().HaveDependencyOnAny(others).GetResult();

        Failures(code).Should().BeEmpty("{0} may use Shared, Domain, Data, Security and Infrastructure only", area);
        Failures(views).Should().BeEmpty("the views of {0} may use Shared, not another area", area);
    }

    [Fact]
    public void The_kernel_uses_no_feature_area()
    {
        var areas = FeatureAreas().Where(a => a != "Shared").Select(a => $"{FeatureRoot}.{a}").ToArray();

        var result = Types.InAssembly(Portal).That().ResideInNamespace($"{FeatureRoot}.Shared")
            .ShouldNot().HaveDependencyOnAny(areas).GetResult();

        Failures(result).Should().BeEmpty("Shared is below every area: an arrow upwards would be a cycle");
    }

    [Fact]
    public void Nothing_in_the_portal_uses_the_tools()
    {
        Portal.GetReferencedAssemblies().Select(a => a.Name).Should().NotContain("MigrantAid.Tools");
        Portal.GetTypes().Select(t => t.Namespace ?? "").Should().NotContain(n => n.StartsWith("MigrantAid.Web.Data.Generator", StringComparison.Ordinal),
            "the generator and the benchmark live in tools/, outside the product");
    }

    /// <summary>Each type that breaks a rule, with what it uses, so the message says what to move.</summary>
    private static List<string> Failures(TestResult result) =>
        result.IsSuccessful ? [] : result.FailingTypes.Select(t => $"{t.FullName}: {t.Explanation}").ToList();

    /// <summary>The top-level folders of Features, read from the namespaces of the compiled types.</summary>
    private static IReadOnlyList<string> FeatureAreas() =>
        Portal.GetTypes()
            .Select(t => t.Namespace ?? "")
            .Where(n => n.StartsWith(FeatureRoot + ".", StringComparison.Ordinal))
            .Select(n => n[(FeatureRoot.Length + 1)..].Split('.')[0])
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
}
