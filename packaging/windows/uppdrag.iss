; Inno Setup 6 script: Uppdrag for one user, without administrator rights.
;
; Build on Windows after the PyInstaller bundle (see packaging/README.md):
;   python packaging\build_info.py --write            (writes build\info\version.iss; the spec does too)
;   iscc packaging\windows\uppdrag.iss                  -> dist\uppdrag-VERSION-windows-setup.exe
; Signed:
;   iscc "/Ssigntool=signtool.exe sign /fd sha256 /tr http://timestamp.digicert.com /td sha256 /f $qC:\cert\uppdrag.pfx$q /p PASSWORD $f" /DSIGN packaging\windows\uppdrag.iss

#include "..\..\build\info\version.iss"

#define AppName "Uppdrag"
#define AppExe "uppdrag.exe"
#define ProgId "Uppdrag.Database"

[Setup]
; A fixed AppId keeps upgrades and the uninstaller entry together across versions. Never change it.
AppId={{6C0F4D4E-3B1A-4C7E-9E55-2B8A7F0C1D93}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} installationsprogram
; Per user, never elevated: {autopf} is %LOCALAPPDATA%\Programs in non administrative install mode.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
SetupIconFile=..\..\build\icons\uppdrag.ico
WizardStyle=modern
ChangesAssociations=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
Compression=lzma2/max
SolidCompression=yes
OutputDir=..\..\dist
OutputBaseFilename=uppdrag-{#AppVersion}-windows-setup
; The running app keeps uppdrag.exe open: ask to close it rather than fail on update.
CloseApplications=yes
#ifdef SIGN
; The sign tool named "signtool" is given to ISCC with /S (see the header and packaging/README.md).
; It signs the setup program and the uninstaller; the bundle's .exe files are signed before this step.
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
; Swedish is not among Inno Setup's official translations (Languages\*.isl); put the unofficial
; Swedish.isl from https://jrsoftware.org/files/istrans/ beside this script to get a Swedish wizard.
#if FileExists(AddBackslash(SourcePath) + "Swedish.isl")
Name: "sv"; MessagesFile: "Swedish.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder (uppdrag.exe, uppdrag-cli.exe, _internal\).
Source: "..\..\dist\uppdrag\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\build\icons\uppdrag.ico"; DestDir: "{app}"; Flags: ignoreversion

[InstallDelete]
; An update replaces the bundle's library folder whole, so no stale module of an older version remains.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\uppdrag.ico"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\uppdrag.ico"; Tasks: desktopicon

[Registry]
; The .uppdrag file type for this user only (HKCU\Software\Classes, no administrator rights).
Root: HKCU; Subkey: "Software\Classes\.uppdrag"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.uppdrag\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Uppdrag-databas"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\uppdrag.ico,0"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".uppdrag"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
