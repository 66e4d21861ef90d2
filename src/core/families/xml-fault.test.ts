import { describe, expect, it } from 'vitest';
import { bodyView } from './test-view.ts';
import { xmlFault } from './xml-fault.ts';

const fault = (inner: string, status = 500) =>
  xmlFault.match(
    bodyView(`<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><S:Fault>${inner}</S:Fault></S:Body></S:Envelope>`, {
      status,
      mime: 'text/xml',
    }),
  )?.fields;

describe('SOAP faults', () => {
  it('replaces a generic fault string with the sentence the detail gives', () => {
    // OpenText iHub (otadocs.opentext.com/documentation/ihub3/help/BIRTDesigner/AIG/soap.15.10.html, About SOAP Fault messages).
    expect(
      fault(`<faultcode>Server</faultcode><faultstring>Soap Server error.</faultstring>
        <detail><RequestName>DownloadFile</RequestName><ErrorCode>3072</ErrorCode>
          <Description><Message>Cannot find the specified file or folder,
            or you do not have permission to access it.</Message><Parameter1>/report/SampleReports.rptdesign</Parameter1></Description>
        </detail>`),
    ).toMatchObject({ code: 'Server', message: 'Cannot find the specified file or folder, or you do not have permission to access it.' });
    // Genesys PureConnect SOAP guide (help.genesys.com/pureconnect/mergedProjects/wh_soap/desktop/fault_messages.htm): the fault
    // string only repeats the code, the detail holds the message.
    expect(
      fault(`<faultcode>S:Server</faultcode><faultstring>S:Server</faultstring>
        <detail><e:mydetails xmlns:e="http://foo.com/detail">Some Error Message</e:mydetails></detail>`),
    ).toMatchObject({ code: 'S:Server', message: 'Some Error Message' });
  });

  it('keeps a specific fault string, and a generic one when the detail has no sentence', () => {
    // C/C++ Users Journal, January 2001, listing 2 (egoodwin.io/ddujl/articles/CUJ/2001/0101/dix/list2.htm).
    expect(
      fault(`<faultcode>SOAP:Client.InvalidParam</faultcode><faultstring>Invalid parameter.</faultstring>
        <detail><err:excep xmlns:err="http://no-duh.com/excep/"><code>123</code><desc>Invalid SSN format.</desc></err:excep></detail>`),
    ).toMatchObject({ message: 'Invalid parameter.' });
    expect(fault('<faultcode>Server</faultcode><faultstring>Internal Error</faultstring><detail><ErrorCode>17</ErrorCode></detail>')).toMatchObject({
      message: 'Internal Error',
    });
  });
});
