using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Security;

namespace MigrantAid.Tests.Security;

/// <summary>The case page's sections are view components: they must be given the authorized case, never an id to trust.</summary>
public class CaseSectionTests
{
    private static readonly Type[] Sections = typeof(CaseAccess).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(ViewComponent)) && t.Name.StartsWith("Case", StringComparison.Ordinal))
        .ToArray();

    [Fact]
    public void Every_section_of_the_case_page_takes_an_AuthorizedCase_and_no_id()
    {
        Sections.Select(t => t.Name).Should().Contain(["CaseDeadlinesViewComponent", "CaseProceedingsViewComponent", "CaseInternationalViewComponent"]);
        foreach (var section in Sections)
        {
            var parameters = section.GetMethod("InvokeAsync")!.GetParameters().Select(p => p.ParameterType).ToList();
            parameters.Should().Contain(typeof(AuthorizedCase), "{0} shows one case's rows", section.Name);
            parameters.Should().NotContain([typeof(Guid), typeof(Guid?)], "{0} must not be handed a case id it would trust", section.Name);
        }
    }

    [Fact]
    public void Only_the_case_gate_makes_an_AuthorizedCase()
    {
        typeof(AuthorizedCase).GetConstructors(BindingFlags.Public | BindingFlags.Instance).Should().BeEmpty();
        typeof(AuthorizedCase).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(AuthorizedCase)).Should().BeEmpty();
    }
}
