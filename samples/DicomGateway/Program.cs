// DELIBERATELY INSECURE. This DICOM gateway reproduces, line by line, how PACS archives came to answer on the
// Internet: DICOM without TLS on port 104 of every interface, any calling application accepted, studies forwarded in
// plaintext or over TLS that trusts any certificate, and files named after the patient. Every "MISTAKE" comment
// names the real error that the line reproduces. Do not deploy it.
using System;
using System.IO;
using System.Security.Authentication;
using DicomGateway;
using FellowOakDicom;
using FellowOakDicom.Network;
using FellowOakDicom.Network.Tls;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// MISTAKE: fo-dicom's server factory falls back to an ITlsAcceptor registered here, and none is.
new DicomSetupBuilder()
    .RegisterServices(services => services.AddLogging(logging => logging.AddSimpleConsole()))
    .Build();

var context = new GatewayContext(Path.Combine(AppContext.BaseDirectory, "archive"), new PacsForwarder());

// MISTAKE (SDA3002): the port-only overload listens on 0.0.0.0, every interface, and without a TLS acceptor
// (none given, none registered) port 104 speaks plain DICOM to whoever connects.
using var plainServer = DicomServerFactory.Create<GatewayScp>(104, userState: context);

// The TLS port, for the modalities that can do TLS.
var acceptor = new DefaultTlsAcceptor("dicom-gateway")
{
    // MISTAKE (SDA3004): the old ultrasound cart only speaks TLS 1.0, so the whole port was opened to TLS 1.0 and 1.1
    // instead of keeping the cart on an isolated segment.
    Protocols = SslProtocols.Tls | SslProtocols.Tls11 | SslProtocols.Tls12,
};
using var tlsServer = DicomServerFactory.Create<GatewayScp>(2762, acceptor, userState: context);

Console.WriteLine("DICOM gateway listening on ports 104 and 2762 of every interface. Press Enter to stop.");
Console.ReadLine();
