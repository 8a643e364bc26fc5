import visdom 
vis = visdom.Visdom(env='pytorchenv')
# vis = visdom.Visdom(env=env_name)的作用是构建一个客户端
# env_name 是指定的环境的名称（字符串），也可以指定host，port等其他参数

import visdom
import numpy as np
vis = visdom.Visdom(env = 'pytorchenv')  # 指定使用的环境，若不指定将默认使用main
vis.text('Hello, world!')  # 输出文本字符
vis.image(np.zeros((3, 224, 224)))  # 输出大小为3*224*224（CxHxW）大小的黑色图片

import torch
import visdom as vis
vis = vis.Visdom(env='pytorchenv')
x = torch.arange(1,30,0.01)
y = torch.sin(x)
vis.line(X=x,Y=y,win='sinx',opts={'title':'y.sin(x)'})

import visdom as vis
vis = vis.Visdom(env='pytorchenv')
vis.image(torch.randn(64,64),win='rand1')  #可视化一张随机的黑白图片
vis.image(torch.randn(3,64,64),win='rand2')  #可视化一张随机的彩色图片
vis.images(torch.randn(36,3,64,64).numpy(), nrow=6, win='rand3', opts={'title':'demo'})  #可视化36张随机彩色图片，每一张6行

from visdom import Visdom
import numpy as np
 
vis = Visdom(env='pytorchenv')
vis.bar(X=np.random.rand(4, 2),
        win='test1',
        opts=dict(
        stacked=False,  # 是否堆叠柱形（若为False，效果如下图demo1所示；若为True，效果如下图demo2所示
        legend=['A', 'B'],   # 图例标签名称
        rownames=['top1', 'top5', 'top10', 'top20'],  # 列名称
        title='demo1',  # 图表标题
        ylabel='rank-k  Error Rate',  # y轴名称
        xtickmin=0.4,  # x轴左端点起始位置
        xtickstep=0.4  # 每个柱形间隔距离
    ))

from visdom import Visdom
import numpy as np
 
vis = Visdom(env='pytorchenv')
vis.bar(X=np.random.rand(4, 2),
        win='test2',
        opts=dict(
        stacked=True,  # 是否堆叠柱形（若为False，效果如下图demoA所示；若为True，效果如下图demoB所示
        legend=['A', 'B'],   # 图例标签名称
        rownames=['top1', 'top5', 'top10', 'top20'],  # 列名称
        title='demo2',  # 图表标题
        ylabel='rank-k  Error Rate',  # y轴名称
        xtickmin=0.4,  # x轴左端点起始位置
        xtickstep=0.4  # 每个柱形间隔距离
    ))

import visdom  
from PIL import Image  
import torchvision.transforms.functional as F  
  
vis = visdom.Visdom(env='pytorchenv')  
img = Image.open('img/Lenna.jpg')  
img_tensor = F.to_tensor(img)  # 将图像转为tensor类型
print(img_tensor.shape)  # 输出图片大小，可省略
vis.image(img_tensor, win='photo')

# 单条曲线绘制
import visdom
vis = visdom.Visdom(env="pytorchenv")
'''起点'''
vis.line([0.],     #第一个点的Y坐标
         [0.],     #第一个点的X坐标
         win='train loss',  # 窗口名称
         opts=dict(title = 'train_loss',xlabel='episodes',ylabel='loss') #图标题、x轴和Y轴标签
         ) #设置起点
'''模型数据'''
vis.line([1.],[1.],       #下一点的Y坐标及X坐标
         win='train loss',  # 窗口名称 与上个窗口同名表示显示在同一个表格里
         update='append')  # 添加到上一个点的后面

# 多条曲线绘制 实际上就是传入y值时为一个向量
vis = visdom.Visdom(env="pytorchenv")

'''起点'''
vis.line([[0.0,0.0]],    # Y的起始点
          [0.],    # X的起始点
         win="test loss",    #窗口名称
         opts=dict(title='test_loss')  # 图像标例
        )
'''模型数据'''
vis.line([[1.1,1.5]],   # Y的下一个点
        [1.],   # X的下一个点
        win="test loss",  # 窗口名称
        update='append')   # 添加到上一个点后面

'''
导入库文件
'''
import  torch
import  torch.nn as nn
import  torch.nn.functional as F
import  torch.optim as optim
from torchvision import datasets, transforms
import visdom
import numpy as np
'''
构建简单的模型:简单线性层+Relu函数的多层感知机
'''
class MLP(nn.Module):

    def __init__(self):
        super(MLP, self).__init__()
        self.model = nn.Sequential(
            nn.Linear(784, 200),
            nn.ReLU(inplace=True),
            nn.Linear(200, 200),
            nn.ReLU(inplace=True),
            nn.Linear(200, 10),
            nn.ReLU(inplace=True))
    def forward(self, x):
        x = self.model(x)
        return x

'''
设置超参数
'''
batch_size = 128
learning_rate = 0.01
epochs = 10

'''
加载数据
'''
train_loader = torch.utils.data.DataLoader(datasets.MNIST(
    'data', # 
    train=True,
   download=True,
    transform=transforms.Compose(
        [transforms.ToTensor(),
         transforms.Normalize((0.1307, ), (0.3081, ))])),
                                           batch_size=batch_size,
                                           shuffle=True)
test_loader = torch.utils.data.DataLoader(datasets.MNIST(
    'data',
    train=False,
    transform=transforms.Compose(
        [transforms.ToTensor(),
         transforms.Normalize((0.1307, ), (0.3081, ))])),
                                          batch_size=batch_size,
                                          shuffle=True)

# 注意此处初始化visdom类
vis = visdom.Visdom(env="pytorchenv")

# 绘制起点
vis.line([0.], [0.], win="train loss", opts=dict(title='train_loss'))
device = torch.device('cuda:0')  # 指定GPU
net = MLP().to(device)  # 初始化网络
optimizer = optim.SGD(net.parameters(), lr=learning_rate)
criteon = nn.CrossEntropyLoss().to(device)

for epoch in range(epochs):
    for batch_idx, (data, target) in enumerate(train_loader):
        data = data.view(-1, 28 * 28)
        data, target = data.to(device), target.cuda()
        logits = net(data)
        loss = criteon(logits, target)

        optimizer.zero_grad()
        loss.backward()
        # print(w1.grad.norm(), w2.grad.norm())
        optimizer.step()
        if batch_idx % 100 == 0:
            print('Train Epoch: {} [{}/{} ({:.0f}%)]\tLoss: {:.6f}'.format(
                epoch, batch_idx * len(data), len(train_loader.dataset),
                100. * batch_idx / len(train_loader), loss.item()))

    test_loss = 0
    correct = 0
    for data, target in test_loader:
        data = data.view(-1, 28 * 28)
        data, target = data.to(device), target.cuda()
        logits = net(data)
        test_loss += criteon(logits, target).item()

        pred = logits.argmax(dim=1)
        correct += pred.eq(target).float().sum().item()

    test_loss /= len(test_loader.dataset)
    # 绘制epoch以及对应的测试集损失loss
    vis.line([test_loss], [epoch], win="train loss", update='append') # win是必须的 
    print('\nTest set: Average loss: {:.4f}, Accuracy: {}/{} ({:.0f}%)\n'.format(
    test_loss, correct, len(test_loader.dataset), correct / len(test_loader.dataset)))
