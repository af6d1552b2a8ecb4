; Inno Setup script: the Windows installer of the one-folder bundle dist\zeshi-desktop (packaging/zeshi.spec).
; Windows only, run after PyInstaller (see the README, "Install on a laptop", and .github/workflows/windows.yml):
;   iscc /DAppVersion=0.1.0 packaging\windows\zeshi.iss        ->  dist\zeshi-desktop-0.1.0-setup.exe
; Installs for the current user (no administrator rights: panel members' laptops often have none) under
; %LOCALAPPDATA%\Programs\zeshi-desktop, a Start-menu entry (and a desktop one if asked), and puts the folder on
; the user's PATH so that `zeshi` works in a new command prompt; the uninstaller takes all of it away again,
; the user's data folder (databases, backups) excepted.
; Saved as UTF-8 with a byte-order mark: Inno Setup 6 reads the Chinese names correctly only so.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define BundleDir "..\..\dist\zeshi-desktop"

[Setup]
AppId={{6C1E3B52-7A0F-4C55-9D1E-2F6B8A4C7E19}
AppName=责师评审 zeshi-desktop
AppVersion={#AppVersion}
AppVerName=责师评审 zeshi-desktop {#AppVersion}
AppPublisher=zeshi-desktop
DefaultDirName={autopf}\zeshi-desktop
DefaultGroupName=责师评审
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=zeshi-desktop-{#AppVersion}-setup
SetupIconFile=zeshi.ico
UninstallDisplayIcon={app}\zeshi-desktop.exe
UninstallDisplayName=责师评审 zeshi-desktop
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesEnvironment=yes
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Inno Setup ships the Chinese translation with some versions only; the workflow fetches it when missing.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\责师评审"; Filename: "{app}\zeshi-desktop.exe"; Comment: "北京市责任规划师年度考核评优 / The annual review of responsible planners"
Name: "{autodesktop}\责师评审"; Filename: "{app}\zeshi-desktop.exe"; Tasks: desktopicon

[Registry]
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; \
  Check: NotOnPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\zeshi-desktop.exe"; Description: "{cm:LaunchProgram,责师评审}"; Flags: nowait postinstall skipifsilent

[Code]
function NotOnPath(Folder: string): Boolean;
var
  Current: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Current) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Folder) + ';', ';' + Uppercase(Current) + ';') = 0;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Current, Folder: string;
  At: Integer;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Current) then
    exit;
  Folder := ExpandConstant('{app}');
  Current := ';' + Current + ';';
  At := Pos(';' + Uppercase(Folder) + ';', Uppercase(Current));
  if At = 0 then
    exit;
  Delete(Current, At, Length(Folder) + 1);
  Current := Copy(Current, 2, Length(Current) - 2);
  RegWriteExpandStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Current);
end;
