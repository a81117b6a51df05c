using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MigrantAid.Web.Infrastructure.Failure;
using MigrantAid.Web.Security.TwoFactor;

namespace MigrantAid.Web.Infrastructure;

/// <summary>The middleware pipeline, in order.</summary>
public static class PortalPipeline
{
    public static void UsePortal(this WebApplication app)
    {
        if (app.Configuration.GetValue("ForwardedHeaders:Enabled", false))
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UsePortalRequestLogging();
        app.UseMiddleware<SecurityHeadersMiddleware>();

        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UsePortalFailurePages();

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.Use(RequestLogging.NoteRouteAsync);
        app.UseRequestConnection();
        app.UseAuthentication();
        // After authentication: the signed-in user's saved language (a claim) decides first.
        app.UseRequestLocalization();
        app.UseAuthorization();
        app.UseTwoFactorEnrolment();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        app.MapControllers();
    }
}
