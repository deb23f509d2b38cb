#!/usr/bin/env python3
"""Save a document as a password-protected Word 97-2003 .doc through LibreOffice's UNO API.

Usage: python3 scripts/renditions/encrypt-doc.py SOURCE.docx TARGET.doc PASSWORD

Needs LibreOffice and its Python bridge (Debian: libreoffice-writer-nogui python3-uno). The command
line's --convert-to cannot set a password in LibreOffice 7.4, the storeToURL call below can: the .doc
is RC4-encrypted, with the FIB's fEncrypted bit set, as Word writes one.
"""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    source, target, password = sys.argv[1:4]
    profile = tempfile.mkdtemp(prefix='renditions-lo-')
    port = 2000 + os.getpid() % 5000
    office = subprocess.Popen(['soffice', f'-env:UserInstallation=file://{profile}', '--headless', '--norestore', '--invisible',
                               f'--accept=socket,host=127.0.0.1,port={port};urp;'], stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
        context = None
        for _ in range(120):
            try:
                context = resolver.resolve(f'uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext')
                break
            except Exception:
                time.sleep(0.5)
        if context is None:
            raise SystemExit('LibreOffice did not answer')
        desktop = context.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', context)
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), '_blank', 0, (prop('Hidden', True),))
        document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)), (prop('FilterName', 'MS Word 97'), prop('Password', password)))
        document.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge closes as the office quits
        office.wait(timeout=60)
    finally:
        if office.poll() is None:
            office.kill()


if __name__ == '__main__':
    main()
